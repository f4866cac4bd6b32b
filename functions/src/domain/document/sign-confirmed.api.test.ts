import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { approvalDigest, placementSummary } from '@seal/shared';
import { startLocalStack, type LocalStack } from '../../../dev/local/stack';
import { getServices } from '../../composition';
import { starterSealsHook } from '../../../dev/local/hooks/starter-seals-hook';
import { readRegistrySeed } from '../../../test-support/registry';
import { samplePdf } from '../../../test-support/pdf/sample-pdf';
import { PlatformClient, download } from '../../../dev/demo/platform-client';
import { sdkS3Of } from '../../../test-support/s3/sdk-client';

/**
 * 电脑网页签章 (decision 0018) over HTTP on the local stack: the desktop uploads, asks for a `sign`
 * challenge naming the approval digest, the phone approves with the signing PIN, the desktop
 * signs with `POST /v1/documents/{id}/sign-confirmed`. Anything but exactly the approved file,
 * seal and placement, by this desktop, once, on a seal still usable, signs nothing.
 */
let stack: LocalStack;
let dataDir: string;
let api: PlatformClient;
let lr: string; // 李娜, legal representative of 新创: her desktop and her phone
let holder: string; // 孙丽, holder of 新创's contract seal by a grant
let companyId: string;
let nameSealId: string;
let contractSealId: string;
let grantId: string;
const LR_PIN = '258036';
const HOLDER_PIN = '470913';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-sign-confirmed-'));
  process.env.STAGE = 'local';
  stack = await startLocalStack({ port: 0, dataDir, inMemoryDb: true });
  await starterSealsHook.run(getServices(), { dataDir });
  api = new PlatformClient(stack.url);
  const seed = readRegistrySeed();
  const person = (key: string) => seed.people.find((p) => p.key === key)!;
  companyId = seed.companies.find((c) => c.legalRep.key === 'lr-xinchuang')!.creditCode;
  lr = await api.login({ ...person('lr-xinchuang'), key: 'lr-xinchuang' });
  const { seals } = await api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  nameSealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  contractSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  await api.claimSeal(lr, companyId, nameSealId, LR_PIN);

  const { name, idNumber, phone } = person('holder');
  const faceTicket = await api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [contractSealId] });
  const grant = await api.expect(201, 'grant', 'POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [contractSealId], grantee: { name, idNumber, phone }, faceTicket },
  });
  grantId = grant.grantId;
  holder = await api.login({ key: 'holder', name, idNumber });
  await api.claimSeal(holder, companyId, contractSealId, HOLDER_PIN);
}, 180_000);
afterAll(async () => {
  await stack?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

type Placement = { page: number; x: number; y: number };
interface Prepared {
  documentId: string;
  challengeId: string;
  desktopSecret: string;
}
const ON_PAGE_1: Placement[] = [{ page: 1, x: 380, y: 120 }];

/** What the desktop does on 签章: upload, then a `sign` challenge whose digest binds file, seal and placement. */
async function prepare(token: string, sealId: string, placements: Placement[], crossPage = false, bytes?: Uint8Array): Promise<Prepared> {
  const pdf = bytes ?? (await samplePdf({ pages: 3 }));
  const documentId = await api.upload(token, '采购合同.pdf', pdf);
  const documentSha256 = createHash('sha256').update(pdf).digest('hex');
  const challenge = await api.expect(201, 'challenge', 'POST', '/v1/challenges', {
    token,
    body: {
      purpose: 'sign',
      companyId,
      sealId,
      details: {
        documentName: '采购合同.pdf',
        pageCount: 3,
        documentDigest: await approvalDigest({ documentSha256, sealId, placements, crossPage }),
        placement: placementSummary(placements, crossPage),
      },
    },
  });
  return { documentId, challengeId: challenge.challengeId, desktopSecret: challenge.desktopSecret };
}

/** The phone: 扫一扫 → 确认 with the signing PIN. */
async function approve(token: string, p: Prepared, pin: string) {
  await api.expect(200, 'approve', 'POST', `/v1/challenges/${p.challengeId}/approve`, { token, body: { pin } });
}

function signConfirmed(token: string, documentId: string, body: Record<string, unknown>) {
  return api.call('POST', `/v1/documents/${documentId}/sign-confirmed`, { token, body });
}
const askFor = (p: Prepared, sealId: string, placements: Placement[], extra: Record<string, unknown> = {}) => ({
  sealId,
  challengeId: p.challengeId,
  desktopSecret: p.desktopSecret,
  placements,
  ...extra,
});

async function expectUnsigned(token: string, documentId: string) {
  const doc = await api.expect(200, 'document', 'GET', `/v1/documents/${documentId}`, { token });
  expect(doc).toMatchObject({ state: 'uploaded', version: 0 });
  const services = getServices();
  const listed = await sdkS3Of(services).send(
    new ListObjectsV2Command({ Bucket: services.config.DOCUMENTS_BUCKET, Prefix: `signed/${documentId}/` }),
  );
  expect(listed.Contents ?? []).toEqual([]);
}

describe('signing on the desktop after the phone approved', () => {
  it('signs exactly the approved placement, and the signed file verifies as valid', async () => {
    const placements = [{ page: 2, x: 300.004, y: 200 }, ...ON_PAGE_1];
    const p = await prepare(lr, nameSealId, placements, true);
    await approve(lr, p, LR_PIN);
    // The same placement in another order and with float noise is the same approval.
    const res = await signConfirmed(
      lr,
      p.documentId,
      askFor(p, nameSealId, [...placements].reverse(), { crossPage: true, requestId: 'req-approved-1' }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ documentId: p.documentId, version: 1, pages: 3, signatures: 1 });
    const report = await api.verify(await download(res.body.downloadUrl));
    expect(report.body.verdict).toBe('valid');
    expect(report.body.signatures[0].platform).toMatchObject({ companyId, sealId: nameSealId });

    // A retry of the same request (the answer was lost) returns the signature, not a second one.
    const retry = await signConfirmed(
      lr,
      p.documentId,
      askFor(p, nameSealId, placements, { crossPage: true, requestId: 'req-approved-1' }),
    );
    expect(retry.body).toMatchObject({ documentId: p.documentId, version: 1, sha256: res.body.sha256 });
  });

  it('refuses a placement other than the approved one, signs nothing, and spends the approval', async () => {
    const p = await prepare(lr, nameSealId, ON_PAGE_1);
    await approve(lr, p, LR_PIN);
    const moved = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, [{ page: 1, x: 381, y: 120 }]));
    expect([moved.status, moved.body.code]).toEqual([409, 'APPROVAL_MISMATCH']);
    const withCrossPage = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1, { crossPage: true }));
    expect(withCrossPage.body.code).toBe('CHALLENGE_USED');
    await expectUnsigned(lr, p.documentId);
  });

  it('refuses the approval of one document for another', async () => {
    const approved = await prepare(lr, nameSealId, ON_PAGE_1);
    const other = await prepare(lr, nameSealId, ON_PAGE_1, false, await samplePdf({ pages: 2 }));
    await approve(lr, approved, LR_PIN);
    const res = await signConfirmed(lr, other.documentId, askFor(approved, nameSealId, ON_PAGE_1));
    expect([res.status, res.body.code]).toEqual([409, 'APPROVAL_MISMATCH']);
    await expectUnsigned(lr, other.documentId);
    await expectUnsigned(lr, approved.documentId);
  });

  it('uses an approval once', async () => {
    const p = await prepare(lr, nameSealId, ON_PAGE_1);
    await approve(lr, p, LR_PIN);
    expect((await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1))).status).toBe(200);
    const again = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1));
    expect([again.status, again.body.code]).toEqual([409, 'CHALLENGE_USED']);
    const doc = await api.expect(200, 'document', 'GET', `/v1/documents/${p.documentId}`, { token: lr });
    expect(doc).toMatchObject({ version: 1, signatures: 1 });
  });

  it('answers another desktop as if the challenge did not exist, and leaves the approval to its own desktop', async () => {
    const p = await prepare(lr, nameSealId, ON_PAGE_1);
    const otherDesktop = await prepare(lr, nameSealId, ON_PAGE_1);
    await approve(lr, p, LR_PIN);
    const res = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1, { desktopSecret: otherDesktop.desktopSecret }));
    expect([res.status, res.body.code]).toEqual([404, 'CHALLENGE_NOT_FOUND']);
    await expectUnsigned(lr, p.documentId);
    expect((await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1))).status).toBe(200);
  });

  it('refuses someone else’s challenge id and desktop secret before spending the approval: its owner still signs (issue #15)', async () => {
    const owners = await prepare(holder, contractSealId, ON_PAGE_1);
    await approve(holder, owners, HOLDER_PIN);
    // 李娜 got hold of 孙丽's QR challenge id and desktop secret, and presents them for a document of her own.
    const mine = await prepare(lr, nameSealId, ON_PAGE_1);
    const stolen = await signConfirmed(lr, mine.documentId, askFor(owners, contractSealId, ON_PAGE_1));
    expect([stolen.status, stolen.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
    await expectUnsigned(lr, mine.documentId);
    const res = await signConfirmed(holder, owners.documentId, askFor(owners, contractSealId, ON_PAGE_1));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ documentId: owners.documentId, version: 1, signatures: 1 });
  });

  it('counts no PIN try of someone who may not approve the challenge: five wrong PINs lock nothing', async () => {
    const owners = await prepare(holder, contractSealId, ON_PAGE_1);
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', `/v1/challenges/${owners.challengeId}/approve`, { token: lr, body: { pin: '000000' } });
      expect([res.status, res.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
    }
    await approve(holder, owners, HOLDER_PIN);
    expect((await signConfirmed(holder, owners.documentId, askFor(owners, contractSealId, ON_PAGE_1))).status).toBe(200);
  });

  it('signs nothing before the phone approved', async () => {
    const p = await prepare(lr, nameSealId, ON_PAGE_1);
    const res = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1));
    expect(res.status).toBeGreaterThanOrEqual(400);
    await expectUnsigned(lr, p.documentId);
  });

  it('refuses a seal frozen between the approval and the signing', async () => {
    const p = await prepare(lr, nameSealId, ON_PAGE_1);
    await approve(lr, p, LR_PIN);
    const freeze = await api.faceTicket(lr, 'seal.freeze', { companyId, sealIds: [nameSealId] });
    await api.expect(200, 'freeze', 'POST', `/v1/companies/${companyId}/seals/freeze`, {
      token: lr,
      body: { faceTicket: freeze, sealIds: [nameSealId], reason: '印章疑似被盗用' },
    });
    try {
      const res = await signConfirmed(lr, p.documentId, askFor(p, nameSealId, ON_PAGE_1));
      expect([res.status, res.body.code]).toEqual([409, 'SEAL_FROZEN']);
      await expectUnsigned(lr, p.documentId);
    } finally {
      const unfreeze = await api.faceTicket(lr, 'seal.unfreeze', { companyId, sealIds: [nameSealId] });
      await api.expect(200, 'unfreeze', 'POST', `/v1/companies/${companyId}/seals/unfreeze`, {
        token: lr,
        body: { faceTicket: unfreeze, sealIds: [nameSealId], reason: '核实无误，解除冻结' },
      });
    }
  });

  it('lets a holder sign by the phone, and stops her when the grant is cancelled after the approval', async () => {
    const signed = await prepare(holder, contractSealId, ON_PAGE_1);
    await approve(holder, signed, HOLDER_PIN);
    expect((await signConfirmed(holder, signed.documentId, askFor(signed, contractSealId, ON_PAGE_1))).status).toBe(200);

    const p = await prepare(holder, contractSealId, ON_PAGE_1);
    await approve(holder, p, HOLDER_PIN);
    await api.expect(200, 'cancel', 'POST', `/v1/companies/${companyId}/grants/${grantId}/cancel`, { token: lr });
    const res = await signConfirmed(holder, p.documentId, askFor(p, contractSealId, ON_PAGE_1));
    expect([res.status, res.body.code]).toEqual([403, 'NOT_AUTHORIZED']);
    await expectUnsigned(holder, p.documentId);
  });
});
