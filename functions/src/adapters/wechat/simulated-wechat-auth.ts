import { createHash } from 'node:crypto';
import { DomainError } from '@seal/shared';
import type { WechatAuth, WechatSession } from '../../ports/wechat-auth';

/**
 * Local runs and tests: the H5 build's "code" names a test identity (`sim:<key>`), and each key gets
 * its own stable openid, as if each tester had their own WeChat account. Refused in production.
 */
export class SimulatedWechatAuth implements WechatAuth {
  readonly mode = 'simulated' as const;

  constructor(stage: string) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN');
  }

  async code2session(code: string): Promise<WechatSession> {
    const match = /^sim:([A-Za-z0-9_-]{1,64})$/.exec(code);
    if (!match) throw new DomainError('UNAUTHENTICATED', '登录凭证无效，请重新登录');
    return { openid: simulatedOpenid(match[1] as string) };
  }
}

export function simulatedOpenid(key: string): string {
  return `sim_${createHash('sha256').update(key).digest('base64url').slice(0, 24)}`;
}
