import { runRenewalJob } from '../../entry/jobs/renewal-job';
import {
  addCompany,
  addPerson,
  api,
  grantHolder,
  passedFaceTicket,
  startHarness,
  type Harness,
} from '../../../test-support/lifecycle-harness';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate, type Asn1Node } from '../../../test-support/gm/asn1parse';

/**
 * 印章数据 (decision 0077) through the real handlers on the local stack: every claim, PIN reset and
 * renewal makes the seal's GB/T 38540 SES_Seal again, signed by the platform's SM2 seal maker.
 * The checks read the DER with `openssl asn1parse` and verify the maker's signature over the seal
 * info with `openssl pkeyutl` and the maker's certificate with `openssl verify`: no project code
 * in the check path.
 */
const CO = '914403001922038216';
const OTHER_CO = '91440300MA5FTEST0X';
const PIN = '135790';
const ID = '1234567812345678';
const DAY = 24 * 3600 * 1000;

let h: Harness;
let openssl: GmOpenssl;
let lr: { personId: string; token: string };
let holder: { personId: string; token: string };
let stranger: { personId: string; token: string };
let sealId: string;
let nameSealId: string;

beforeAll(async () => {
  h = await startHarness();
  openssl = new GmOpenssl();
  lr = await addPerson(h.services, '张三');
  holder = await addPerson(h.services, '李四');
  stranger = await addPerson(h.services, '王五');
  const { sealIds } = await addCompany(h.services, {
    companyId: CO,
    legalRepPersonId: lr.personId,
    kinds: ['contract', 'legal_representative_name'],
  });
  [sealId, nameSealId] = sealIds as [string, string];
  await addCompany(h.services, {
    companyId: OTHER_CO,
    legalRepPersonId: stranger.personId,
    kinds: ['contract'],
    name: '深圳市另一家科技有限公司',
  });
  await grantHolder(h.services, { companyId: CO, personId: holder.personId, sealIds: [sealId] });
  const sm2Root = await api(h.stack, 'GET', '/v1/pki/root?ca=sm2');
  expect(sm2Root.status).toBe(200);
  openssl.file('sm2-root.pem', Buffer.from(sm2Root.body));
}, 180_000);
afterAll(async () => {
  openssl?.dispose();
  await h?.stop();
});

async function claim(who: { personId: string; token: string }, id: string): Promise<Buffer> {
  const faceTicket = await passedFaceTicket(h.services, who.personId, 'seal.claim', { sealIds: [id] });
  const res = await api(h.stack, 'POST', `/v1/seals/${id}/claim`, who.token, { faceTicket, pin: PIN, pinConfirm: PIN });
  expect(res.status).toBe(201);
  return pemBody(res.body.credential.certificate.pem);
}

const pemBody = (pem: string): Buffer => Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');

async function fetchSealData(token: string, id: string) {
  return fetch(`${h.stack.url}/v1/seals/${id}/seal-data`, { headers: { authorization: `Bearer ${token}` } });
}

/** The SES_Seal as openssl cuts it: seal info, maker certificate, algorithm, signature; inside the info, what a reader checks. */
function cut(name: string, der: Uint8Array) {
  const tree = asn1Tree(openssl, openssl.file(`${name}.esl`, der));
  const info = at(tree, [0]);
  const text = (node: Asn1Node) => Buffer.from(content(der, node)).toString('utf8');
  return {
    tree,
    sealInfo: element(der, info),
    makerCertificate: content(der, at(tree, [1])),
    algorithm: at(tree, [2]),
    signature: bits(der, at(tree, [3])),
    header: at(info, [0]).children.map(text),
    esId: text(at(info, [1])),
    type: content(der, at(info, [2, 0]))[0],
    name: text(at(info, [2, 1])),
    certificates: at(info, [2, 3]).children.map((node) => Buffer.from(content(der, node))),
    validStart: text(at(info, [2, 5])),
    validEnd: text(at(info, [2, 6])),
    pictureType: text(at(info, [3, 0])),
    picture: text(at(info, [3, 1])),
  };
}

/** The maker's signature over the seal info, its certificate's chain to the SM2 root: both by openssl alone. */
function expectMadeByThePlatform(name: string, seal: ReturnType<typeof cut>) {
  expect(opensslVerifiesWithCertificate(openssl, `${name}-maker`, seal.makerCertificate, seal.sealInfo, seal.signature, ID)).toBe(true);
  openssl.file(`${name}-maker.der`, seal.makerCertificate);
  expect(openssl.run(['x509', '-inform', 'DER', '-in', `${name}-maker.der`, '-out', `${name}-maker.pem`]).status).toBe(0);
  expect(openssl.run(['verify', '-CAfile', 'sm2-root.pem', '-vfyopt', `distid:${ID}`, `${name}-maker.pem`]).output).toContain(
    `${name}-maker.pem: OK`,
  );
}

/** GeneralizedTime `YYYYMMDDHHMMSSZ` of a certificate's notAfter, read by openssl. */
function notAfterOf(name: string, der: Uint8Array): string {
  openssl.file(`${name}.crt`, der);
  const line = openssl.run(['x509', '-inform', 'DER', '-in', `${name}.crt`, '-noout', '-enddate']).output.trim();
  const d = new Date(line.replace('notAfter=', ''));
  return d
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

describe('印章数据 (GB/T 38540 SES_Seal)', () => {
  let firstEsl: Uint8Array;

  it('is not there before the seal is claimed, and the seal detail says nothing of it', async () => {
    const res = await api(h.stack, 'GET', `/v1/seals/${sealId}/seal-data`, lr.token);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'SEAL_NOT_CLAIMED' });
    const { seals } = (await api(h.stack, 'GET', `/v1/companies/${CO}/seals`, lr.token)).body;
    expect(seals.find((s: { sealId: string }) => s.sealId === sealId).sealData).toBeUndefined();
  });

  it('is made at the claim: the seal maker signed the seal info (openssl checks it, with the GM/T 0009 ID only), and the seal lists the certificate just issued', async () => {
    const certificate = await claim(lr, sealId);
    const res = await fetchSealData(lr.token, sealId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${sealId}.esl"`);
    firstEsl = new Uint8Array(await res.arrayBuffer());
    const seal = cut('first', firstEsl);
    expect(seal.algorithm.type).toBe('OBJECT');
    expect(openssl.run(['asn1parse', '-inform', 'DER', '-in', 'first.esl']).output).toMatch(
      /OBJECT\s+:1\.2\.156\.10197\.1\.501|OBJECT\s+:SM2-with-SM3/,
    );
    expectMadeByThePlatform('first', seal);
    expect(opensslVerifiesWithCertificate(openssl, 'first-empty-id', seal.makerCertificate, seal.sealInfo, seal.signature, '')).toBe(false);
    const changed = Buffer.from(seal.sealInfo);
    changed[changed.length - 3]! ^= 0x01;
    expect(opensslVerifiesWithCertificate(openssl, 'first-changed', seal.makerCertificate, changed, seal.signature, ID)).toBe(false);

    expect(seal.header).toEqual(['ES', expect.anything(), 'seal-platform']);
    expect(content(firstEsl, at(at(seal.tree, [0]), [0, 1]))[0]).toBe(4);
    expect(seal.esId).toBe(sealId);
    expect(seal.type).toBe(1); // 单位印章
    expect(seal.name).toBe('合同专用章');
    expect(seal.certificates).toEqual([certificate]);
    expect(seal.validEnd).toBe(notAfterOf('first-holder', certificate));
    expect(seal.pictureType).toBe('SVG');
    expect(seal.picture).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });

  it('shows esID, maker and validity in the seal detail', async () => {
    const { seals } = (await api(h.stack, 'GET', `/v1/companies/${CO}/seals`, lr.token)).body;
    const shown = seals.find((s: { sealId: string }) => s.sealId === sealId).sealData;
    const seal = cut('shown', firstEsl);
    const generalized = (iso: string) => iso.replace(/[-:T]/g, '').replace(/\.\d+Z$/, 'Z');
    expect(shown).toMatchObject({ esId: sealId, maker: expect.stringContaining('制章'), certificates: 1 });
    expect(generalized(shown.validStart)).toBe(seal.validStart);
    expect(generalized(shown.validEnd)).toBe(seal.validEnd);
    openssl.file('maker-cn.der', seal.makerCertificate);
    expect(
      openssl.run(['x509', '-inform', 'DER', '-in', 'maker-cn.der', '-noout', '-subject', '-nameopt', 'utf8,sep_multiline']).output,
    ).toContain(`CN=${shown.maker}`);
  });

  it('marks the legal representative name seal a person’s seal (type 2)', async () => {
    await claim(lr, nameSealId);
    const seal = cut('name', new Uint8Array(await (await fetchSealData(lr.token, nameSealId)).arrayBuffer()));
    expectMadeByThePlatform('name', seal);
    expect(seal.type).toBe(2);
  });

  it('is made again when a holder claims: same esID, both certificates listed', async () => {
    const holderCertificate = await claim(holder, sealId);
    const seal = cut('second', new Uint8Array(await (await fetchSealData(holder.token, sealId)).arrayBuffer()));
    expectMadeByThePlatform('second', seal);
    expect(seal.esId).toBe(sealId);
    expect(seal.certificates).toHaveLength(2);
    expect(seal.certificates).toContainEqual(holderCertificate);
    expect(seal.certificates).toContainEqual(cut('again', firstEsl).certificates[0]);
  });

  it('is made again at a PIN reset: the new certificate replaces the old one', async () => {
    const before = cut('before-reset', new Uint8Array(await (await fetchSealData(holder.token, sealId)).arrayBuffer()));
    const faceTicket = await passedFaceTicket(h.services, holder.personId, 'credential.reset_pin', { sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/seals/${sealId}/pin/reset`, holder.token, {
      faceTicket,
      newPin: '864209',
      newPinConfirm: '864209',
    });
    expect(res.status).toBe(200);
    const fresh = pemBody(res.body.credential.certificate.pem);
    const after = cut('after-reset', new Uint8Array(await (await fetchSealData(holder.token, sealId)).arrayBuffer()));
    expectMadeByThePlatform('after-reset', after);
    expect(after.certificates).toHaveLength(2);
    expect(after.certificates).toContainEqual(fresh);
    expect(before.certificates.filter((c) => !after.certificates.some((a) => a.equals(c)))).toHaveLength(1);
  });

  it('is made again at a renewal, valid until the renewed certificates expire', async () => {
    const before = cut('before-renew', new Uint8Array(await (await fetchSealData(lr.token, sealId)).arrayBuffer()));
    const expiry = (await h.services.store.seals.get(sealId, { consistent: true }))!.expiresOn;
    h.setNow(new Date(new Date(`${expiry}T00:00:00Z`).getTime() - 20 * DAY));
    expect((await runRenewalJob(h.services, { now: h.services.now() })).markedRenewalDue).toContain(sealId);
    const faceTicket = await passedFaceTicket(h.services, lr.personId, 'seal.renew', { companyId: CO, sealIds: [sealId] });
    const res = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/renew`, lr.token, { faceTicket, sealIds: [sealId] });
    expect(res.body.results[0]).toMatchObject({ ok: true, state: 'active' });
    const after = cut('after-renew', new Uint8Array(await (await fetchSealData(lr.token, sealId)).arrayBuffer()));
    expectMadeByThePlatform('after-renew', after);
    expect(after.esId).toBe(sealId);
    expect(after.certificates).toHaveLength(2);
    expect(after.certificates.some((c) => before.certificates.some((b) => b.equals(c)))).toBe(false);
    expect(after.validEnd > before.validEnd).toBe(true);
    expect(after.validEnd).toBe(after.certificates.map((c, i) => notAfterOf(`renewed-${i}`, c)).sort()[0]);
  });

  it('is for those who may see the seal: another company’s legal representative gets what a missing seal gets', async () => {
    const foreign = await api(h.stack, 'GET', `/v1/seals/${sealId}/seal-data`, stranger.token);
    const missing = await api(h.stack, 'GET', '/v1/seals/seal-does-not-exist/seal-data', stranger.token);
    expect(foreign.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(foreign.body);
    expect((await fetch(`${h.stack.url}/v1/seals/${sealId}/seal-data`)).status).toBe(401);
  });
});
