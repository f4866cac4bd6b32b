import { callWechat, type WechatReply } from './wechat-api';

interface TokenReply extends WechatReply {
  access_token: string;
  expires_in: number;
}

/**
 * The mini-program's access_token (GET /cgi-bin/token), cached per process until shortly before it
 * expires. `invalidate()` after WeChat says the token is invalid (another process refreshed it).
 */
export class AccessTokenCache {
  private token?: { value: string; until: number };
  private pending?: Promise<string>;

  constructor(
    private readonly opts: { base: string; appId: string; appSecret: string; now: () => Date; fetch?: typeof fetch },
  ) {}

  async get(): Promise<string> {
    const now = this.opts.now().getTime();
    if (this.token && this.token.until > now) return this.token.value;
    this.pending ??= this.fetchToken().finally(() => (this.pending = undefined));
    return this.pending;
  }

  invalidate(): void {
    this.token = undefined;
  }

  private async fetchToken(): Promise<string> {
    const { base, appId, appSecret } = this.opts;
    const url = `${base}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`;
    const reply = await callWechat<TokenReply>(url, { method: 'GET' }, this.opts.fetch);
    // Refresh five minutes early: a token used right at its end may be refused mid-flight.
    this.token = { value: reply.access_token, until: this.opts.now().getTime() + Math.max(60, reply.expires_in - 300) * 1000 };
    return reply.access_token;
  }
}
