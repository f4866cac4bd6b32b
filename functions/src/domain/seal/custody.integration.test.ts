import { createHash } from 'node:crypto';
import { readSealCertificate, signatureAlgorithm, signMessage, verifyChain } from '../../engines/pki';
import { viewCertificate } from '../../engines/pki/certificate-view';
import { platformPki } from '../platform-pki/platform-ca';
import { timestampImprint } from '../platform-pki/timestamp';
import { readTimestampToken } from '../../engines/pki';
import { authorizeSignature } from './authorize-signature';
import { addCompany, addPerson, api, passedFaceTicket, startHarness, type Harness } from '../../../test-support/lifecycle-harness';

const CO = '91110000802100433B';

describe.each(['kms-envelope', 'kms-asymmetric'])('claim and sign with %s custody', (custody) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ KEY_CUSTODY: custody });
  }, 120_000);
  afterAll(() => h?.stop());

  it('claims a seal, and the signing gate returns a signer whose signatures verify under the issued certificate', async () => {
    const lr = await addPerson(h.services, '张三');
    const { sealIds } = await addCompany(h.services, { companyId: CO, legalRepPersonId: lr.personId });
    const sealId = sealIds[0]!;
    const faceTicket = await passedFaceTicket(h.services, lr.personId, 'seal.claim', { sealIds: [sealId] });
    const claim = await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, lr.token, { faceTicket, pin: '135790', pinConfirm: '135790' });
    expect(claim.status).toBe(201);
    expect(claim.body.credential.custody).toBe(custody);

    const { signer, certificateChain } = await authorizeSignature(h.services, { personId: lr.personId, sealId, pin: '135790', now: h.services.now() });
    const message = new TextEncoder().encode('合同正文');
    const signature = await signMessage(signer, message);
    const [certificate, root] = certificateChain as [Uint8Array, Uint8Array];
    expect(signatureAlgorithm(signer.algorithm).verify(message, signature, viewCertificate(certificate).subjectPublicKeyInfo)).toBe(true);
    // The signer's key is the certified one, and the certificate chains to the platform root.
    expect(readSealCertificate(certificate).sealId).toBe(sealId);
    expect((await verifyChain({ certificate, trustedRoots: [root], at: h.services.now() })).trusted).toBe(true);
    expect(Buffer.from(root).equals(Buffer.from((await platformPki(h.services)).root))).toBe(true);
  });

  it('timestamps an imprint with the platform TSA', async () => {
    const imprint = createHash('sha256').update('signature value').digest();
    const token = readTimestampToken(await timestampImprint(h.services, new Uint8Array(imprint)));
    expect(Buffer.from(token.messageImprint).equals(imprint)).toBe(true);
  });
});
