import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { download } from '../../../dev/demo/platform-client';
import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * A seal the company chose SM2 for (decision 0078) signs a PDF through the API, and the platform's
 * verifier trusts it: its certificate chains to the SM2 root, which verification trusts beside the
 * P-256 one.
 */
let t: DocumentsStack;
let lr: string;
let sealId: string;
const PIN = '258036';

beforeAll(async () => {
  t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinghe').creditCode;
  lr = await t.api.login(t.person('lr-xinghe'));
  const started = await t.api.expect(201, '电子营业执照', 'POST', `/v1/companies/${companyId}/licence-authorizations`, { token: lr });
  await t.api.expect(200, '电子营业执照结果', 'POST', `/v1/licence-authorizations/${started.authorizationId}/result`, {
    token: lr,
    body: { presented: true },
  });
  const faceTicket = await t.api.faceTicket(lr, 'seal.apply_online', { companyId });
  const applied = await t.api.expect(201, '在线申请', 'POST', `/v1/companies/${companyId}/seal-applications`, {
    token: lr,
    body: { faceTicket, licenceTicket: started.authorizationId, kinds: ['invoice'], sealAlgorithm: 'sm2-sm3' },
  });
  sealId = applied.seals[0].sealId;
  await t.api.claimSeal(lr, companyId, sealId, PIN);
}, 180_000);
afterAll(() => t?.stop());

it('signs a PDF with an SM2 seal, and the verifier finds it valid: SM3 digests, certificate from the SM2 root, SM2 timestamp', async () => {
  const documentId = await t.api.upload(lr, '国密签章.pdf', await samplePdf({ pages: 1 }));
  const signed = await t.api.sign(lr, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
  expect(signed.status).toBe(200);
  const report = (await t.api.verify(await download(signed.body.downloadUrl))).body;
  expect(report).toMatchObject({ verdict: 'valid', indication: 'TOTAL_PASSED' });
  const [signature] = report.signatures;
  expect(signature).toMatchObject({
    indication: 'TOTAL_PASSED',
    integrity: 'intact',
    algorithms: { digest: 'sm3' },
    timestamp: { valid: true },
  });
  expect(signature.signer.issuer).toContain('SM2根CA');
  expect(signature.platform).toMatchObject({ sealId });
});
