import type { Ports } from '../../src/ports';
import { starterSealsHook } from '../local/hooks/starter-seals-hook';
import { readRegistrySeed } from '../../src/adapters/registry/seed';
import { download, PlatformClient } from './platform-client';
import { sampleContract } from './sample-contract';
import { sampleOfdContract } from './sample-ofd';

export interface ScenarioResult {
  /** The signed file: signed.pdf, or signed.ofd for `--format ofd`. */
  signed: Uint8Array;
  /** The root that verifies it (P-256, or SM2 for the OFD). */
  rootPem: string;
  report: unknown;
  companyName: string;
  pages: number;
  signatures: number;
}

/** The legal representative of the seed's newly registered company (四枚印章免申请). */
const LEGAL_REP = 'lr-xinchuang';
const PIN = '258036';

/**
 * `seal demo`'s story, over the real API: a newly registered company has its four seals; its legal
 * representative logs in (simulated WeChat + face check), claims the company-name seal and the
 * name seal (face check + PIN), uploads a three-page Chinese contract, signs it with the
 * company-name seal and then with the name seal, downloads the
 * twice-signed file and verifies it with `POST /v1/verify`.
 */
export async function runDemoScenario(
  services: Ports,
  dataDir: string,
  url: string,
  say: (line: string) => void,
): Promise<ScenarioResult> {
  const { api, token, company, partner } = await legalRepLoggedIn(services, dataDir, url, LEGAL_REP, say);
  const { seals } = await api.expect(200, '印章列表', 'GET', `/v1/companies/${company.creditCode}/seals`, { token });
  say(`企业印章：${seals.map((s: { name: string; state: string }) => `${s.name}（${s.state}）`).join('、')}`);
  const nameSeal = seals.find((s: { kind: string }) => s.kind === 'company_name');
  const personalSeal = seals.find((s: { kind: string }) => s.kind === 'legal_representative_name');
  if (!nameSeal || !personalSeal) throw new Error(`${company.name} has no company-name or name seal`);
  for (const seal of [nameSeal, personalSeal]) {
    const claimed = await api.claimSeal(token, company.creditCode, seal.sealId, PIN);
    say(`领取 ${seal.name}：证书 ${claimed.credential?.certificate?.serialNumber ?? '已签发'}`);
  }

  const contract = await sampleContract({ partyA: company.name, partyB: partner.name });
  const documentId = await api.upload(token, '技术服务合同.pdf', contract);
  say(`上传合同（3页，${contract.length} 字节）：${documentId}`);
  const first = await api.sign(token, documentId, { sealId: nameSeal.sealId, pin: PIN, placements: [{ page: 3, x: 300, y: 615 }] });
  if (first.status !== 200) throw new Error(`first signature: ${JSON.stringify(first.body)}`);
  say(`${nameSeal.name} 签章完成：签章数 ${first.body.signatures}`);
  const second = await api.sign(token, documentId, { sealId: personalSeal.sealId, pin: PIN, placements: [{ page: 3, x: 215, y: 535 }] });
  if (second.status !== 200) throw new Error(`second signature: ${JSON.stringify(second.body)}`);
  say(`${personalSeal.name} 签章完成：共 ${second.body.pages} 页，签章数 ${second.body.signatures}`);

  const signedPdf = await download(second.body.downloadUrl);
  const rootPem = new TextDecoder().decode(await rootCertificate(url));
  const verified = await verifyAndSay(api, signedPdf, say);
  return {
    signed: signedPdf,
    rootPem,
    report: verified.body,
    companyName: company.name,
    pages: second.body.pages,
    signatures: second.body.signatures,
  };
}

/** The company that applies for an SM2 seal in the OFD story (as the OFD API test's first company). */
const SM2_LEGAL_REP = 'lr-xinghe';

/**
 * `seal demo --format ofd`: a company's legal representative applies online for a 国密 (SM2/SM3)
 * contract seal (电子营业执照 + face check), claims it (face check + PIN), uploads a one-page OFD
 * contract, seals it (GB/T 38540 seal signature with the SM2 TSA's timestamp, its certificates and
 * CRL kept beside it) and verifies it with `POST /v1/verify`.
 */
export async function runOfdDemoScenario(services: Ports, dataDir: string, url: string, say: (line: string) => void): Promise<ScenarioResult> {
  const { api, token, company, partner } = await legalRepLoggedIn(services, dataDir, url, SM2_LEGAL_REP, say);
  const licence = await api.expect(201, '电子营业执照', 'POST', `/v1/companies/${company.creditCode}/licence-authorizations`, { token });
  await api.expect(200, '电子营业执照结果', 'POST', `/v1/licence-authorizations/${licence.authorizationId}/result`, { token, body: { presented: true } });
  const faceTicket = await api.faceTicket(token, 'seal.apply_online', { companyId: company.creditCode });
  const applied = await api.expect(201, '在线申请', 'POST', `/v1/companies/${company.creditCode}/seal-applications`, {
    token,
    body: { faceTicket, licenceTicket: licence.authorizationId, kinds: ['contract'], sealAlgorithm: 'sm2-sm3' },
  });
  const seal = applied.seals[0];
  const claimed = await api.claimSeal(token, company.creditCode, seal.sealId, PIN);
  say(`申请并领取国密（SM2）合同专用章：证书 ${claimed.credential?.certificate?.serialNumber ?? '已签发'}`);

  const contract = sampleOfdContract({ partyA: company.name, partyB: partner.name });
  const documentId = await api.upload(token, '技术服务合同.ofd', contract);
  say(`上传 OFD 合同（1页，${contract.length} 字节）：${documentId}`);
  const signed = await api.sign(token, documentId, { sealId: seal.sealId, pin: PIN, placements: [{ page: 1, x: 300, y: 150 }] });
  if (signed.status !== 200) throw new Error(`OFD signature: ${JSON.stringify(signed.body)}`);
  say(`OFD 签章完成（GB/T 38540 电子签章，含国密时间戳）：签章数 ${signed.body.signatures}`);

  const signedOfd = await download(signed.body.downloadUrl);
  const rootPem = new TextDecoder().decode(await rootCertificate(url, 'sm2'));
  const verified = await verifyAndSay(api, signedOfd, say);
  return { signed: signedOfd, rootPem, report: verified.body, companyName: company.name, pages: signed.body.pages, signatures: signed.body.signatures };
}

/** The seed company whose legal representative this is, with a partner for the contract, and the representative logged in. */
async function legalRepLoggedIn(services: Ports, dataDir: string, url: string, legalRep: string, say: (line: string) => void) {
  // Newly registered companies get their starter seals when first looked up; do it now.
  await starterSealsHook.run(services, { dataDir });
  const seed = readRegistrySeed();
  const person = seed.people.find((p) => p.key === legalRep)!;
  const company = seed.companies.find((c) => c.legalRep.key === legalRep)!;
  const partner = seed.companies.find((c) => c.creditCode !== company.creditCode)!;
  const api = new PlatformClient(url);
  const token = await api.login({ key: person.key, name: person.name, idNumber: person.idNumber });
  say(`${person.name}（${company.name} 法定代表人）登录成功（模拟微信登录 + 人脸核验）`);
  return { api, token, company, partner };
}

async function verifyAndSay(api: PlatformClient, bytes: Uint8Array, say: (line: string) => void) {
  const verified = await api.verify(bytes);
  if (verified.status !== 200) throw new Error(`verification: ${JSON.stringify(verified.body)}`);
  say(`验证结果：${verified.body.verdict}（${verified.body.reasons.join('；')}）`);
  return verified;
}

async function rootCertificate(url: string, ca?: 'sm2'): Promise<Uint8Array> {
  const res = await fetch(`${url}/v1/pki/root${ca ? `?ca=${ca}` : ''}`);
  if (!res.ok) throw new Error(`platform root: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
