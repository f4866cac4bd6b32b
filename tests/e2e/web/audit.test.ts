import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { formatBeijingDate } from '@seal/shared/time';
import { launchChromium, desktopContext } from '../../support/browser';
import { review } from '../../support/review';
import { startJourneyStack } from '../../support/stack';
import { Phone, PEOPLE, XINCHUANG } from './support/phone';
import { loginOnDesktop } from './support/desktop';
import { api } from './support/api';

const root = path.resolve(__dirname, '../../..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'web-audit-'));
let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let legalRep: Phone;
let grant: { grantId: string };

/** `seal audit verify` as a person runs it: a plain process. */
function seal(...args: string[]) {
  const { JEST_WORKER_ID: _worker, ...env } = process.env;
  return spawnSync(process.execPath, [path.join(root, 'functions/bin/seal.js'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

beforeAll(async () => {
  stack = await startJourneyStack();
  browser = await launchChromium();
  legalRep = await new Phone(stack.url, PEOPLE.xinchuangLegalRep).login();
  // Business that leaves a trail: the company's starter seals, then 孙丽 made holder of one on the phone.
  const { seals } = await legalRep.seals(XINCHUANG.companyId);
  const faceTicket = await legalRep.faceTicket('grant.authorize_holder', { companyId: XINCHUANG.companyId, sealIds: [seals[0]!.sealId] });
  grant = await api(stack.url, 'POST', `/v1/companies/${XINCHUANG.companyId}/grants`, {
    token: legalRep.token,
    body: { role: 'seal_holder', sealIds: [seals[0]!.sealId], grantee: { name: PEOPLE.holder.name, idNumber: PEOPLE.holder.idNumber, phone: '13900139002' }, faceTicket },
  });
  // The chainer links what was written within a second; run its round now rather than wait for it.
  await stack.drainAuditStream();
});
afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});

describe('审计记录 on the desktop (decision 0225)', () => {
  it('has every link of the company timestamped once the local stack has run the checkpoint job (decision 0227)', async () => {
    // The first links were checkpointed as soon as they were linked; one more within the minute is not (decision 0160).
    await api(stack.url, 'POST', `/v1/companies/${XINCHUANG.companyId}/grants/${grant.grantId}/cancel`, { token: legalRep.token });
    await stack.drainAuditStream();
    const before = await api(stack.url, 'GET', `/v1/companies/${XINCHUANG.companyId}/audit/verify`, { token: legalRep.token });
    expect(before).toMatchObject({ intact: true });
    expect(before.untimestamped).toBeGreaterThan(0);
    const run = await api(stack.url, 'POST', '/local/jobs/audit-checkpoints');
    expect(run.failed).toEqual([]);
    const verified = await api(stack.url, 'GET', `/v1/companies/${XINCHUANG.companyId}/audit/verify`, { token: legalRep.token });
    expect(verified).toMatchObject({ intact: true, untimestamped: 0, checkpoints: { firstBreak: null } });
    expect(verified.events).toBe(before.events);
  });

  it('lists the legal representative\'s company trail in Beijing time and Chinese, and exports it as a file seal audit verify finds intact', async () => {
    const desktop = await desktopContext(browser, stack.url);
    const page = await desktop.newPage();
    await loginOnDesktop(page, legalRep);
    await page.getByRole('link', { name: '审计记录' }).click();
    const company = page.getByTestId(`audit-${XINCHUANG.companyId}`);
    await company.getByTestId('audit-event').first().waitFor();
    const rows = await company.getByTestId('audit-event').allInnerTexts();
    expect(rows.some((r) => r.includes('授权印章持有人') && r.includes('法定代表人'))).toBe(true);
    expect(rows[0]).toContain('取消印章持有人授权');
    // 2026-12-04 17:50:12: the Beijing time the shared formatter writes.
    expect(rows[0]).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
    await review(page, 'web-audit', '1-list');

    const [download] = await Promise.all([page.waitForEvent('download'), company.getByRole('button', { name: '导出' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^审计记录-${XINCHUANG.companyId}-\\d{4}-\\d{2}-\\d{2}至\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const file = path.join(tmp, 'export.json');
    await download.saveAs(file);
    await company.getByRole('status').filter({ hasText: '已导出' }).waitFor();
    await review(page, 'web-audit', '2-exported');
    await desktop.close();

    // The platform root, as anyone fetches it, is what the offline check trusts: not the certificates in the file.
    const rootPem = await fetch(`${stack.url}/v1/pki/root`).then((r) => r.text());
    writeFileSync(path.join(tmp, 'root.pem'), rootPem);
    const verified = seal('audit', 'verify', file, '--trust', path.join(tmp, 'root.pem'));
    expect(verified.stdout).toContain('审计记录校验结论：完整，未发现篡改');
    expect(verified.status).toBe(0);
    const json = JSON.parse(seal('audit', 'verify', file, '--trust', path.join(tmp, 'root.pem'), '--json').stdout);
    expect(json).toMatchObject({ intact: true, fromSeq: 1, anchored: true, untimestamped: 0, breaks: [] });
    expect(json.events).toBeGreaterThanOrEqual(rows.length);
  });

  it('pages an export through the API with cursors sealed for the caller and range, and refuses anyone else\'s use of them', async () => {
    const [from, to] = [formatBeijingDate(Date.now() - 300 * 86_400_000), formatBeijingDate(Date.now())];
    const path0 = `/v1/companies/${XINCHUANG.companyId}/audit/export?from=${from}&to=${to}&limit=2`;
    const first = await api(stack.url, 'GET', path0, { token: legalRep.token });
    expect(first.events).toHaveLength(2);
    expect(first.cursor).toMatch(/^c1\./); // sealed: the seqs inside are not the caller's to choose
    // Followed to the end, the pages give the chain's links once each, in order.
    const seqs: number[] = first.events.map((e: { seq: number }) => e.seq);
    for (let cursor = first.cursor; cursor; ) {
      const page = await api(stack.url, 'GET', `${path0}&cursor=${encodeURIComponent(cursor)}`, { token: legalRep.token });
      seqs.push(...page.events.map((e: { seq: number }) => e.seq));
      cursor = page.cursor;
    }
    expect(seqs.length).toBeGreaterThanOrEqual(3); // the starter seals, the grant, the first test's export
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // The same cursor with another range is refused, as is a cursor not made by the platform.
    const otherRange = `/v1/companies/${XINCHUANG.companyId}/audit/export?from=${formatBeijingDate(Date.now() - 200 * 86_400_000)}&to=${to}&limit=2&cursor=${encodeURIComponent(first.cursor)}`;
    await expect(api(stack.url, 'GET', otherRange, { token: legalRep.token })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    await expect(api(stack.url, 'GET', `${path0}&cursor=1-1000`, { token: legalRep.token })).rejects.toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
  });
});
