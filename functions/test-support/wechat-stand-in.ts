import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { certHash } from '../src/adapters/face/wechat-face-verifier';

/**
 * A local stand-in of the api.weixin.qq.com endpoints the platform calls, answering with the
 * documented shapes, failures included: `/cgi-bin/token`, `/sns/jscode2session`,
 * `/cityservice/face/identify/getverifyid` and `/queryverifyinfo`. Tests play the phone with
 * `finishFacialVerify` (what `wx.requestFacialVerify` does on the device).
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
  url = '';

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
      default:
        return { errcode: 40066, errmsg: 'invalid url' };
    }
  }
}
