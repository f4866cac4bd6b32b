import { GetObjectCommand } from '@aws-sdk/client-s3';
import QRCode from 'qrcode';
import { getServices } from '../../composition';
import { startWindowHarness, type WindowHarness } from '../../../test-support/window-harness';
import { sdkS3Of } from '../../../test-support/s3/sdk-client';

let h: WindowHarness;
beforeAll(async () => {
  h = await startWindowHarness();
}, 120_000);
afterAll(() => h?.stop());

const XINGHE = '深圳市前海星河科技有限公司';
const company = () => ({ creditCode: h.company('星河科技'), name: XINGHE });
const store = () => getServices().store;
const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });

async function submit(who: string, body: Record<string, unknown>) {
  return h.call('POST', '/v1/applications', await h.token(who), body);
}
async function approve(applicationId: string) {
  return h.call('POST', `/v1/staff/applications/${applicationId}/approve`, await h.staffToken(), {});
}
async function issueSecret(who: string, clientId: string) {
  const companyId = company().creditCode;
  const faceTicket = await h.faceTicket(who, 'integration.manage_credentials', { companyId });
  return h.call('POST', `/v1/companies/${companyId}/integration/clients/${clientId}/secret`, await h.token(who), { faceTicket });
}
const templateSeal = { kind: 'custom_seal', sealName: '人事专用章', design: { source: 'template', template: 'round' } };
const imageSeal = (imageBase64: string) => ({ kind: 'custom_seal', sealName: '报关专用章', design: { source: 'image', imageBase64 } });

describe('系统接入 and 自定义印章', () => {
  let clientId: string;
  let secret: string;

  it('refuses a custom seal, and its preview, before the company has integration', async () => {
    const res = await submit('lr-xinghe', { ...templateSeal, company: company() });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ code: 'INTEGRATION_REQUIRED', message: '请先完成应用系统接入申请' });
    const preview = await h.call('POST', `/v1/companies/${company().creditCode}/custom-seals/preview`, await h.token('lr-xinghe'), { sealName: '人事专用章', template: 'round' });
    expect(preview.status).toBe(403);
  });

  it('gives the company a client id when window staff approve its integration application, and no secret yet', async () => {
    const res = await submit('lr-xinghe', { kind: 'system_integration', company: company(), systemName: '合同管理系统', contactName: '张伟', contactPhone: '13800138001', purpose: '合同自动盖章' });
    expect(res.status).toBe(201);
    const approved = await approve(res.body.applicationId);
    expect(approved.status).toBe(200);
    clientId = approved.body.outcome.clientId;
    expect(clientId).toMatch(/^ic_/);
    expect((await store().companies.get(company().creditCode))?.integration).toBe('approved');
    const list = await h.call('GET', `/v1/companies/${company().creditCode}/integration/clients`, await h.token('lr-xinghe'));
    expect(list.body.items).toEqual([expect.objectContaining({ clientId, state: 'active', secretIssued: false })]);
  });

  it('issues the secret once after a face check, keeps only its hash, and the API call with it succeeds', async () => {
    const issued = await issueSecret('lr-xinghe', clientId);
    expect(issued.status).toBe(201);
    secret = issued.body.clientSecret;
    expect(secret).toMatch(/^sk_[A-Za-z0-9_-]{43}$/);
    const stored = (await store().integrationClients.get(clientId))!;
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.secretHash).toMatch(/^sha256\$[0-9a-f]{64}$/);

    const seals = await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, secret));
    expect(seals.status).toBe(200);
    expect(seals.body.companyId).toBe(company().creditCode);
  });

  it('refuses a wrong secret, a missing one, and someone without rights to manage credentials', async () => {
    expect((await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, `${secret}x`))).status).toBe(401);
    expect((await h.call('GET', '/v1/integration/seals', undefined, undefined, basic('ic_unknown', secret))).status).toBe(401);
    expect((await h.call('GET', '/v1/integration/seals')).status).toBe(401);
    // A session token is not an API credential.
    expect((await h.call('GET', '/v1/integration/seals', await h.token('lr-xinghe'))).status).toBe(401);
    expect((await issueSecret('stranger', clientId)).status).toBe(403);
  });

  it('rotates: the old secret stops working at once, the new one works', async () => {
    const rotated = await issueSecret('lr-xinghe', clientId);
    expect(rotated.status).toBe(201);
    expect((await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, secret))).status).toBe(401);
    secret = rotated.body.clientSecret;
    expect((await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, secret))).status).toBe(200);
  });

  it('makes a custom seal from a template once staff approve, its image stored in S3 and listed to the integrated system', async () => {
    const preview = await h.call('POST', `/v1/companies/${company().creditCode}/custom-seals/preview`, await h.token('lr-xinghe'), { sealName: '人事专用章', template: 'round' });
    expect(preview.status).toBe(200);
    expect(preview.bytes.toString('utf8')).toContain('<svg');
    const res = await submit('lr-xinghe', { ...templateSeal, company: company() });
    expect(res.status).toBe(201);
    const approved = await approve(res.body.applicationId);
    const sealId = approved.body.outcome.sealIds[0];
    const seal = (await store().seals.get(sealId))!;
    expect(seal).toMatchObject({ kind: 'custom', name: '人事专用章', state: 'pending_claim' });
    const object = await sdkS3Of(getServices()).send(new GetObjectCommand({ Bucket: getServices().config.DOCUMENTS_BUCKET, Key: seal.imageKey! }));
    expect(await object.Body!.transformToString()).toContain('<svg');
    const listed = await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, secret));
    expect(listed.body.seals.map((s: { sealId: string }) => s.sealId)).toContain(sealId);
  });

  it('makes a custom seal from an uploaded PNG of the physical seal', async () => {
    const png = await QRCode.toBuffer('实物印章', { type: 'png' });
    const res = await submit('lr-xinghe', { ...imageSeal(png.toString('base64')), company: company() });
    expect(res.status).toBe(201);
    const approved = await approve(res.body.applicationId);
    const seal = (await store().seals.get(approved.body.outcome.sealIds[0]))!;
    expect(seal.imageKey).toMatch(/\.png$/);
    const object = await sdkS3Of(getServices()).send(new GetObjectCommand({ Bucket: getServices().config.DOCUMENTS_BUCKET, Key: seal.imageKey! }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(png)).toBe(true);
  });

  it.each([
    ['a GIF', Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(64)])],
    ['a PNG over 2 MB', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2 * 1024 * 1024)])],
    ['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])],
    ['text named as an image', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
  ])('refuses %s as the seal image, storing nothing', async (_label, bytes) => {
    const before = (await h.call('GET', '/v1/applications/mine', await h.token('lr-xinghe'))).body.items.length;
    const res = await submit('lr-xinghe', { ...imageSeal(bytes.toString('base64')), company: company() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('IMAGE_INVALID');
    expect((await h.call('GET', '/v1/applications/mine', await h.token('lr-xinghe'))).body.items).toHaveLength(before);
  });

  it('refuses every call once the client is revoked', async () => {
    const companyId = company().creditCode;
    const faceTicket = await h.faceTicket('lr-xinghe', 'integration.manage_credentials', { companyId });
    const revoked = await h.call('POST', `/v1/companies/${companyId}/integration/clients/${clientId}/revoke`, await h.token('lr-xinghe'), { faceTicket });
    expect(revoked.status).toBe(200);
    expect((await h.call('GET', '/v1/integration/seals', undefined, undefined, basic(clientId, secret))).status).toBe(401);
  });
});
