import type { Browser } from 'playwright-core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { launchChromium } from '../../support/browser';
import { startJourneyStack } from '../../support/stack';
import { apiLogin, claim, companySeals } from './signing-api';
import { api, staffToken } from './support/api';
import { Phone } from './support/phone';
import { PEOPLE, XINCHUANG } from './support/people';
import { openTab, tapSeal } from './support/steps';

// 加载更多 on the phone's newer lists. 李娜 has signed eleven contracts with her company-name seal and
// had eleven window applications rejected (set up over the API: not this journey's subject). Each
// list shows the newest ten; 加载更多 brings the eleventh (the oldest), then says 没有更多了.
const J = 'mini-paging';
const SEAL = '法定名称章';
const PIN = '402917';
const COUNT = 11;
const n = (i: number) => String(i).padStart(2, '0');

let stack: Awaited<ReturnType<typeof startJourneyStack>>;
let browser: Browser;
let li: Phone;

/** A one-page PDF with an ASCII line (the standard fonts need no embedding). */
async function onePagePdf(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(title, { x: 60, y: 780, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

/** 文件签章 over the API the phone calls: upload, then sign with the PIN. */
async function sign(token: string, sealId: string, name: string): Promise<void> {
  const pdf = await onePagePdf(`Purchase contract ${name.replace(/\D/g, '')}`);
  const ticket = await api(stack.url, 'POST', '/v1/documents', { token, body: { name, size: pdf.length } });
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', headers: ticket.uploadHeaders, body: Buffer.from(pdf) });
  if (!put.ok) throw new Error(`upload failed: ${put.status}`);
  await api(stack.url, 'POST', `/v1/documents/${ticket.documentId}/sign`, {
    token,
    body: { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] },
  });
}

beforeAll(async () => {
  stack = await startJourneyStack();
  const token = await apiLogin(stack.url, PEOPLE.li);
  const sealId = (await companySeals(stack.url, token, XINCHUANG.companyId)).find((s) => s.kind === 'company_name')!.sealId;
  await claim(stack.url, token, XINCHUANG.companyId, sealId, PIN);
  const staff = await staffToken(stack.url);
  for (let i = 1; i <= COUNT; i++) {
    await sign(token, sealId, `采购合同-${n(i)}.pdf`);
    const application = await api(stack.url, 'POST', '/v1/applications', {
      token,
      body: { kind: 'apply', company: { creditCode: XINCHUANG.companyId, name: XINCHUANG.name }, kinds: ['invoice'] },
    });
    await api(stack.url, 'POST', `/v1/staff/applications/${application.applicationId}/reject`, {
      token: staff,
      body: { reason: `材料不齐全（第${n(i)}次）` },
    });
  }
  browser = await launchChromium();
  li = await Phone.open(browser, stack.url, PEOPLE.li);
  await li.login();
});

afterAll(async () => {
  await browser?.close();
  await stack?.cleanup();
});

/** The newest ten are shown; 加载更多 brings the oldest, then the list says it has ended. */
async function pagesOn(step: string, newest: string, oldest: string): Promise<void> {
  await li.see(newest);
  await li.see('加载更多');
  await expect(li.screen.getByText(oldest).count()).resolves.toBe(0);
  await li.shot(J, `${step}-first-page`);
  await li.tap('加载更多');
  await li.see(oldest);
  await li.see('没有更多了');
  await li.notSee('加载更多');
  await li.shot(J, `${step}-all`);
}

describe('加载更多 on the phone', () => {
  it('pages 消息', async () => {
    await openTab(li, '我的');
    await li.tap('消息');
    await pagesOn('1-messages', `材料不齐全（第${n(COUNT)}次）`, `材料不齐全（第${n(1)}次）`);
    // Counted over the newest, whatever the page: every rejection is unread.
    await li.see(`${COUNT}条未读消息`);
  });

  it('pages 我的文件', async () => {
    await openTab(li, '我的');
    await li.tap('我的文件');
    await pagesOn('2-documents', `采购合同-${n(COUNT)}-已签章.pdf`, `采购合同-${n(1)}-已签章.pdf`);
  });

  it('pages a seal’s 用印记录', async () => {
    await openTab(li, '印章管理');
    await tapSeal(li, SEAL);
    await li.tap('用印记录');
    await pagesOn('3-records', `采购合同-${n(COUNT)}.pdf`, `采购合同-${n(1)}.pdf`);
  });
});
