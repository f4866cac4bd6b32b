import { DomainError } from '@seal/shared';
import { callWechat, WechatApiError, type WechatReply } from './wechat-api';
import type { WechatAuth, WechatSession } from '../../ports/wechat-auth';

interface Code2SessionReply extends WechatReply {
  openid: string;
  session_key: string;
  unionid?: string;
}

/** Production: GET /sns/jscode2session. The session_key is not kept: the platform has no use for it. */
export class HttpsWechatAuth implements WechatAuth {
  readonly mode = 'wechat' as const;

  constructor(private readonly opts: { base: string; appId: string; appSecret: string; fetch?: typeof fetch }) {}

  async code2session(code: string): Promise<WechatSession> {
    const { base, appId, appSecret } = this.opts;
    const q = new URLSearchParams({ appid: appId, secret: appSecret, js_code: code, grant_type: 'authorization_code' });
    try {
      const reply = await callWechat<Code2SessionReply>(`${base}/sns/jscode2session?${q}`, { method: 'GET' }, this.opts.fetch);
      if (!reply.openid) throw new DomainError('SERVICE_UNAVAILABLE');
      return { openid: reply.openid, unionid: reply.unionid };
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      // 40029 invalid code / 40163 code already used: the phone must call wx.login again.
      if (error.errcode === 40029 || error.errcode === 40163) throw new DomainError('UNAUTHENTICATED', '登录凭证无效，请重新登录', undefined, { cause: error });
      if (error.errcode === 45011) throw new DomainError('RATE_LIMITED', undefined, undefined, { cause: error });
      // 40226: WeChat marks the account high-risk.
      if (error.errcode === 40226) throw new DomainError('NOT_AUTHORIZED', '该微信账号存在风险，暂不能登录', undefined, { cause: error });
      throw new DomainError('SERVICE_UNAVAILABLE', '微信服务暂不可用，请稍后再试', undefined, { cause: error });
    }
  }
}
