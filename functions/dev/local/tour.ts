import type { RegistrySeed } from '../../src/adapters/registry/seed';

/**
 * What `npm start` prints after the addresses: whom to log in as and what to try first, taken from
 * the seed the local stack loads (functions/seed/registry.json), so it cannot drift from the data.
 * README.md tells the same tour in words (tour.test.ts checks the names it uses are these).
 */
export function tour(seed: RegistrySeed, url: string): string[] {
  const person = (key: string) => {
    const found = seed.people.find((p) => p.key === key);
    if (!found) throw new Error(`the local seed has no test person "${key}"`);
    return found;
  };
  // A company registered this month has its starter seals ready to claim (starter-seals-hook.ts).
  const fresh = seed.companies.find((c) => c.registeredOn === 'this-month' && c.status === 'active');
  if (!fresh) throw new Error('the local seed has no company registered this month');
  const legalRep = person(fresh.legalRep.key);
  const admin = person('admin');
  const holder = person('holder');
  const others = seed.companies
    .filter((c) => c !== fresh && c.status === 'active')
    .map((c) => `${person(c.legalRep.key).name}（${c.name}）`);
  const staff = seed.staff[0];
  if (!staff) throw new Error('the local seed has no window staff');
  return [
    `Test identities (the phone's 登录 lists them; the face check page answers 核验通过):`,
    `  法定代表人  ${legalRep.name}  ${fresh.name}: registered this month, its starter seals wait in 印章领取`,
    `  印章管理员  ${admin.name}  ${admin.note}: ${legalRep.name} authorizes her in 印章授权`,
    `  印章持有人  ${holder.name}  ${holder.note}: likewise`,
    `  other legal representatives: ${others.join('、')}`,
    `Window staff (desktop site ${url}/web/staff): ${staff.username}  ${staff.name}  ${staff.note}`,
    `Try first:`,
    `  1. On the phone (${url}/), 登录 as ${legalRep.name}, open 印章领取, claim a seal: face check, then a 6-digit 签章密码.`,
    `  2. In 印章授权 make ${holder.name} its holder; in a private window log in as ${holder.name}, claim it, and 文件签章 a PDF.`,
    `  3. On the desktop site (${url}/web/), 验证 the signed PDF and download its 验证报告; or as ${staff.username} approve a 窗口办理 application.`,
  ];
}
