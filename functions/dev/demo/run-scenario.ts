import type { Ports } from '../../src/ports';
import { starterSealsHook } from '../local/hooks/starter-seals-hook';
import { readRegistrySeed } from '../../src/adapters/registry/seed';
import { download, PlatformClient } from './platform-client';
import { sampleContract } from './sample-contract';

export interface ScenarioResult {
  signedPdf: Uint8Array;
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
  // Newly registered companies get their starter seals when first looked up; do it now.
  await starterSealsHook.run(services, { dataDir });
  const seed = readRegistrySeed();
  const person = seed.people.find((p) => p.key === LEGAL_REP)!;
  const company = seed.companies.find((c) => c.legalRep.key === LEGAL_REP)!;
  const partner = seed.companies.find((c) => c.creditCode !== company.creditCode)!;
  const api = new PlatformClient(url);

  const token = await api.login({ key: person.key, name: person.name, idNumber: person.idNumber });
  say(`${person.name}（${company.name} 法定代表人）登录成功（模拟微信登录 + 人脸核验）`);
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
  const verified = await api.verify(signedPdf);
  if (verified.status !== 200) throw new Error(`verification: ${JSON.stringify(verified.body)}`);
  say(`验证结果：${verified.body.verdict}（${verified.body.reasons.join('；')}）`);
  return {
    signedPdf,
    rootPem,
    report: verified.body,
    companyName: company.name,
    pages: second.body.pages,
    signatures: second.body.signatures,
  };
}

async function rootCertificate(url: string): Promise<Uint8Array> {
  const res = await fetch(`${url}/v1/pki/root`);
  if (!res.ok) throw new Error(`platform root: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
