import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { certHash } from '../src/adapters/face/wechat-face-verifier';

/**
 * A local stand-in of the api.weixin.qq.com endpoints the platform calls, answering with the
 * documented shapes, failures included: `/cgi-bin/token`, `/sns/jscode2session`,
 * `/cityservice/face/identify/getverifyid`, `/queryverifyinfo` and `/cgi-bin/message/subscribe/send`.
 * Tests play the phone with `finishFacialVerify` (what `wx.requestFacialVerify` does on the device)
 * and `acceptSubscription` (what a person's 允许 in `wx.requestSubscribeMessage` does).
 */
interface VerifySession {
  openid: string;
  outSeqNo: string;
  certHash: string;
  verifyRet?: number;
}

export class WechatStandIn {
  readonly appId = 'wx0123456789abcdef';
  readonly appSecret = 'stand-in-app-secret';
  private server?: Server;
  private tokens = new Set<string>();
  private codes = new Map<string, { openid: string; used: boolean }>();
  readonly sessions = new Map<string, VerifySession>();
  readonly calls: string[] = [];
  /** Subscribe messages WeChat accepted, in order. */
  readonly delivered: SubscribeMessage[] = [];
  /** One-time subscriptions left, by `openid template_id` (each accepted 允许 allows one message). */
  private subscriptions = new Map<string, number>();
  url = '';

  /**
   * @param subscribe the mini-program's templates (id → its keyword fields, as the console shows
   *   them) and its pages, which WeChat checks a message's `page` against.
   */
  constructor(private readonly subscribe: { templates: Record<string, readonly string[]>; pages: readonly string[] } = { templates: {}, pages: [] }) {}

  async start(port: number): Promise<this> {
    this.server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        this.calls.push(url.pathname);
        const reply = this.handle(url, raw ? JSON.parse(raw) : {});
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(reply));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** What `wx.login` would hand the phone for this user. */
  issueCode(openid: string): string {
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { openid, used: false });
    return code;
  }

  /** Every access token issued so far stops working (as after a refresh elsewhere). */
  expireTokens(): void {
    this.tokens.clear();
  }

  /** The phone ran wx.requestFacialVerify: 10000 passed, 90002 cancelled, 10003 ID mismatch... */
  finishFacialVerify(verifyId: string, verifyRet: number): void {
    this.sessions.get(verifyId)!.verifyRet = verifyRet;
  }

  /** The person tapped 允许 for this template in wx.requestSubscribeMessage: one message may be sent. */
  acceptSubscription(openid: string, templateId: string): void {
    const key = `${openid} ${templateId}`;
    this.subscriptions.set(key, (this.subscriptions.get(key) ?? 0) + 1);
  }

  /**
   * subscribeMessage.send as WeChat checks it: the token, the template, every keyword's value by
   * its type's rule, the page, the build to open, then the person's one-time subscription.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON
  private subscribeSend(body: Record<string, any>): object {
    const fields = this.subscribe.templates[body.template_id];
    if (typeof body.touser !== 'string' || !/^[\w-]{6,64}$/.test(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    if (!fields) return { errcode: 40037, errmsg: 'invalid template_id' };
    const data = body.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    for (const key of Object.keys(data)) if (!fields.includes(key)) return { errcode: 47003, errmsg: `argument invalid! data.${key} not in template` };
    for (const key of fields) {
      const value = data[key]?.value;
      if (typeof value !== 'string' || !keywordValid(key, value)) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
    }
    if (body.page !== undefined && !this.subscribe.pages.includes(String(body.page).split('?')[0]!))
      return { errcode: 41030, errmsg: 'invalid page rid' };
    if (body.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(body.miniprogram_state))
      return { errcode: 47003, errmsg: 'argument invalid! miniprogram_state' };
    if (body.lang !== undefined && !['zh_CN', 'en_US', 'zh_HK', 'zh_TW'].includes(body.lang)) return { errcode: 47003, errmsg: 'argument invalid! lang' };
    const key = `${body.touser} ${body.template_id}`;
    const left = this.subscriptions.get(key) ?? 0;
    if (left === 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    this.subscriptions.set(key, left - 1);
    this.delivered.push({ touser: body.touser, templateId: body.template_id, page: body.page, state: body.miniprogram_state, data });
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() };
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed JSON of several request shapes
  private handle(url: URL, body: Record<string, any>): object {
    const q = url.searchParams;
    switch (url.pathname) {
      case '/cgi-bin/token': {
        if (q.get('appid') !== this.appId || q.get('secret') !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
        const token = randomBytes(16).toString('hex');
        this.tokens.add(token);
        return { access_token: token, expires_in: 7200 };
      }
      case '/sns/jscode2session': {
        if (q.get('appid') !== this.appId || q.get('secret') !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
        const code = this.codes.get(q.get('js_code') ?? '');
        if (!code) return { errcode: 40029, errmsg: 'invalid code' };
        if (code.used) return { errcode: 40163, errmsg: 'code been used' };
        code.used = true;
        return { openid: code.openid, session_key: randomBytes(16).toString('base64') };
      }
      case '/cityservice/face/identify/getverifyid': {
        if (!this.tokens.has(q.get('access_token') ?? '')) return { errcode: 42001, errmsg: 'access_token expired' };
        const cert = body.cert_info ?? {};
        if (!body.openid || !body.out_seq_no || cert.cert_type !== 'IDENTITY_CARD' || !cert.cert_name || !cert.cert_no)
          return { errcode: 40097, errmsg: 'invalid args' };
        const verifyId = randomBytes(24).toString('hex');
        this.sessions.set(verifyId, { openid: body.openid, outSeqNo: body.out_seq_no, certHash: certHash(cert.cert_name, cert.cert_no) });
        return { errcode: 0, errmsg: 'ok', verify_id: verifyId, expires_in: 3600 };
      }
      case '/cityservice/face/identify/queryverifyinfo': {
        if (!this.tokens.has(q.get('access_token') ?? '')) return { errcode: 42001, errmsg: 'access_token expired' };
        const s = this.sessions.get(body.verify_id);
        if (!s) return { errcode: 40097, errmsg: 'invalid args' };
        if (s.openid !== body.openid) return { errcode: 40003, errmsg: 'invalid openid' };
        if (s.outSeqNo !== body.out_seq_no || s.certHash !== body.cert_hash) return { errcode: 40097, errmsg: 'invalid args' };
        // Not run yet on the phone: the documented start of the face error range.
        return { errcode: 0, errmsg: 'ok', verify_ret: s.verifyRet ?? 90000 };
      }
      case '/cgi-bin/message/subscribe/send':
        if (!this.tokens.has(q.get('access_token') ?? '')) return { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' };
        return this.subscribeSend(body);
      default:
        return { errcode: 40066, errmsg: 'invalid url' };
    }
  }
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  state?: string;
  data: Record<string, { value: string }>;
}

/**
 * The value rules of subscribe-message keywords, by the keyword's type (its name without the
 * number): thing ≤ 20 characters, phrase ≤ 5 Chinese characters, time a 24-hour date and time,
 * character_string ≤ 32 letters, digits and symbols, number ≤ 32 digits.
 */
function keywordValid(key: string, value: string): boolean {
  const type = key.replace(/\d+$/, '');
  const length = Array.from(value).length;
  switch (type) {
    case 'thing':
      return length >= 1 && length <= 20;
    case 'phrase':
      return /^[\u4e00-\u9fa5]{1,5}$/.test(value);
    case 'time':
      return /^\d{4}(-\d{2}-\d{2}|年\d{1,2}月\d{1,2}日) \d{2}:\d{2}(:\d{2})?$/.test(value);
    case 'character_string':
      return /^[\x21-\x7e]{1,32}$/.test(value);
    case 'number':
      return /^\d{1,32}$/.test(value);
    default:
      return false;
  }
}
