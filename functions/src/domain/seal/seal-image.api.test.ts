import { startDocumentsStack, type DocumentsStack } from '../../../test-support/documents-stack';

/**
 * GET /v1/seals/{sealId}/image over HTTP on the local stack: the seal as the platform draws it, as
 * a safe SVG, for those who may see the seal and no one else.
 */
let t: DocumentsStack;
let lr: string; // 李娜, legal representative of 新创
let holder: string; // 孙丽, holder of 新创's contract seal
let otherLr: string; // 张伟, legal representative of 星河
let contractSealId: string;
let nameSealId: string;

beforeAll(async () => {
  t = await startDocumentsStack();
  const companyId = t.companyOf('lr-xinchuang').creditCode;
  lr = await t.api.login(t.person('lr-xinchuang'));
  const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token: lr });
  nameSealId = seals.find((s: { kind: string }) => s.kind === 'company_name').sealId;
  contractSealId = seals.find((s: { kind: string }) => s.kind === 'contract').sealId;
  const faceTicket = await t.api.faceTicket(lr, 'grant.authorize_holder', { companyId, sealIds: [contractSealId] });
  const { name, idNumber, phone } = t.person('holder');
  await t.api.expect(201, 'grant', 'POST', `/v1/companies/${companyId}/grants`, {
    token: lr,
    body: { role: 'seal_holder', sealIds: [contractSealId], grantee: { name, idNumber, phone }, faceTicket },
  });
  holder = await t.api.login(t.person('holder'));
  otherLr = await t.api.login(t.person('lr-xinghe'));
}, 180_000);
afterAll(() => t?.stop());

const image = (token: string, sealId: string) => t.api.call('GET', `/v1/seals/${sealId}/image`, { token });

async function fetchImage(token: string, sealId: string): Promise<Response> {
  return fetch(`${t.stack.url}/v1/seals/${encodeURIComponent(sealId)}/image`, { headers: { authorization: `Bearer ${token}` } });
}

describe('the seal image', () => {
  it('answers the seal as an SVG of paths to its legal representative, with the headers that keep it an image', async () => {
    const res = await fetchImage(lr, contractSealId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, max-age=3600');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="[\d.]+mm" height="[\d.]+mm" viewBox="0 0 [\d.]+ [\d.]+">/);
    expect((svg.match(/<path /g) ?? []).length).toBeGreaterThan(10); // the ring, the company name, the label
    // Only shapes: nothing that could run, link or load.
    expect(svg).not.toMatch(/<script|<text|<image|<foreignObject|href|on\w+=/i);
    expect(svg).toMatch(/fill="rgb\(\d+,\d+,\d+\)"/);
  });

  it('draws each seal as itself: the company-name seal differs from the contract seal', async () => {
    const [contract, name] = await Promise.all([fetchImage(lr, contractSealId), fetchImage(lr, nameSealId)]);
    expect(await contract.text()).not.toBe(await name.text());
  });

  it('shows a holder the seal she was granted, and not the others', async () => {
    expect((await fetchImage(holder, contractSealId)).status).toBe(200);
    const refused = await image(holder, nameSealId);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'NOT_AUTHORIZED' });
  });

  it('answers a seal of another company exactly like a missing one', async () => {
    const foreign = await image(otherLr, contractSealId);
    const missing = await image(otherLr, 'seal-does-not-exist');
    expect(foreign.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(foreign.body);
  });

  it('refuses without a session and bounds the id', async () => {
    expect((await fetch(`${t.stack.url}/v1/seals/${contractSealId}/image`)).status).toBe(401);
    expect((await image(lr, 'x'.repeat(500))).status).toBe(400);
  });
});
