import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { NotificationKind } from '@seal/shared';
import { WechatStandIn } from '../../../test-support/wechat-stand-in';
import { AccessTokenCache } from './access-token';
import { NOTICE_PAGE, WechatSubscribeMessages } from './wechat-subscribe-messages';
import type { PushMessage } from '../../ports/notifier';

/**
 * The mini-program's pages as WeChat knows them (app.config.ts: main pages and subpackages): a
 * subscribe message whose `page` is not among them is refused (41030).
 */
function miniprogramPages(): string[] {
  const config = readFileSync(path.resolve(__dirname, '../../../../miniprogram/src/app.config.ts'), 'utf8');
  const pages: string[] = [];
  for (const m of config.matchAll(/root: '([^']+)',\s*pages: \[([^\]]*)\]/g))
    for (const p of m[2]!.matchAll(/'([^']+)'/g)) pages.push(`${m[1]}/${p[1]}`);
  for (const m of config.matchAll(/^\s*pages: \[([^\]]*)\]/gm)) for (const p of m[1]!.matchAll(/'([^']+)'/g)) pages.push(p[1]!);
  return pages;
}

const FIELDS = ['thing1', 'thing2', 'phrase3', 'time4', 'thing5'];
const TEMPLATES = { grant: 'tmpl-grant-0001', application: 'tmpl-app-0002', seal: 'tmpl-seal-0003' };

let wx: WechatStandIn;
beforeAll(async () => {
  wx = await new WechatStandIn({ templates: Object.fromEntries(Object.values(TEMPLATES).map((t) => [t, FIELDS])), pages: miniprogramPages() }).start(0);
});
afterAll(() => wx.stop());

const tokens = () => new AccessTokenCache({ base: wx.url, appId: wx.appId, appSecret: wx.appSecret, now: () => new Date() });
const adapter = (over: Partial<ConstructorParameters<typeof WechatSubscribeMessages>[0]> = {}) =>
  new WechatSubscribeMessages({ base: wx.url, tokens: tokens(), templates: TEMPLATES, miniprogramState: 'formal', ...over });

let n = 0;
function message(kind: NotificationKind, openid: string, facts: PushMessage['facts'] = {}): PushMessage {
  return {
    notificationId: `n${++n}`,
    openid,
    kind,
    at: new Date('2026-12-02T16:38:00Z'),
    facts: {
      companyId: '91440300MA5FXXXX1X',
      companyName: '深圳市前海星河科技有限公司（一个远超二十个字的很长的企业名称）',
      sealNames: ['合同专用章'],
      role: 'seal_holder',
      ...facts,
    },
  };
}

describe('WeChat subscribe messages against the stand-in', () => {
  it('opens a page the mini-program has', () => {
    expect(miniprogramPages()).toContain('pages/home/index');
    expect(miniprogramPages()).toContain(NOTICE_PAGE);
  });

  it('sends a message WeChat accepts: token, template, every keyword by its rule, page and build', async () => {
    wx.acceptSubscription('o-sub-1', TEMPLATES.grant);
    expect(await adapter({ miniprogramState: 'trial' }).push(message('grant_received', 'o-sub-1'))).toBe('sent');
    const sent = wx.delivered.at(-1)!;
    expect(sent).toMatchObject({ touser: 'o-sub-1', templateId: TEMPLATES.grant, page: NOTICE_PAGE, state: 'trial' });
    expect(sent.data.thing1!.value).toBe('您获得了印章授权');
    // Longer than WeChat's 20 characters: cut, with an ellipsis, not refused.
    expect(Array.from(sent.data.thing2!.value)).toHaveLength(20);
    expect(sent.data.phrase3!.value).toBe('已授权');
    // Beijing time, whatever this machine's zone.
    expect(sent.data.time4!.value).toBe('2026-12-03 00:38');
  });

  it('sends every kind with data WeChat accepts, each through its group’s template', async () => {
    const kinds: [NotificationKind, keyof typeof TEMPLATES][] = [
      ['grant_cancelled', 'grant'],
      ['application_approved', 'application'],
      ['application_rejected', 'application'],
      ['seals_revoked', 'seal'],
      ['certificate_expiring', 'seal'],
    ];
    for (const [kind, group] of kinds) {
      wx.acceptSubscription('o-sub-2', TEMPLATES[group]);
      const facts = { reference: 'SQ20261203001', applicationLabel: '印章申请', reason: '材料不齐全，请补充营业执照副本复印件并加盖公章后重新提交', expiresOn: '2026-12-31', daysLeft: 28 };
      expect(await adapter().push(message(kind, 'o-sub-2', facts))).toBe(`sent`);
      expect(wx.delivered.at(-1)!.templateId).toBe(TEMPLATES[group]);
    }
  });

  it('takes 43101 (the person did not accept, or used their one message) as not subscribed, not as a failure', async () => {
    expect(await adapter().push(message('grant_received', 'o-never-subscribed'))).toBe('not_subscribed');
    wx.acceptSubscription('o-sub-3', TEMPLATES.grant);
    expect(await adapter().push(message('grant_received', 'o-sub-3'))).toBe('sent');
    // A one-time subscription allows one message.
    expect(await adapter().push(message('grant_cancelled', 'o-sub-3'))).toBe('not_subscribed');
  });

  it('asks nothing of WeChat without a template for the group or without an openid', async () => {
    const before = wx.calls.length;
    expect(await adapter({ templates: { grant: TEMPLATES.grant } }).push(message('certificate_expiring', 'o-sub-4'))).toBe('not_configured');
    expect(await adapter().push({ ...message('grant_received', 'x'), openid: undefined })).toBe('not_subscribed');
    expect(wx.calls.length).toBe(before);
  });

  it('refreshes an access token WeChat no longer takes, once', async () => {
    const cache = tokens();
    const wechat = adapter({ tokens: cache });
    wx.acceptSubscription('o-sub-5', TEMPLATES.grant);
    wx.acceptSubscription('o-sub-5', TEMPLATES.grant);
    expect(await wechat.push(message('grant_received', 'o-sub-5'))).toBe('sent');
    wx.expireTokens();
    const before = wx.calls.filter((c) => c === '/cgi-bin/token').length;
    expect(await wechat.push(message('grant_cancelled', 'o-sub-5'))).toBe('sent');
    expect(wx.calls.filter((c) => c === '/cgi-bin/token').length).toBe(before + 1);
  });

  it('reports what WeChat refuses for the platform’s own mistakes (an unknown template) as an error with its code', async () => {
    wx.acceptSubscription('o-sub-6', 'tmpl-unknown');
    await expect(adapter({ templates: { grant: 'tmpl-unknown' } }).push(message('grant_received', 'o-sub-6'))).rejects.toMatchObject({ errcode: 40037 });
  });
});
