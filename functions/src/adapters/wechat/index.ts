import { loadIdentityConfig } from '../../domain/identity/identity-config';
import type { Services } from '../../composition';
import { HttpsWechatAuth } from './https-wechat-auth';
import { SimulatedWechatAuth } from './simulated-wechat-auth';
import type { WechatAuth } from '../../ports/wechat-auth';
import { AccessTokenCache } from './access-token';

export type { WechatAuth, WechatSession } from '../../ports/wechat-auth';

/** Picks the WeChat login adapter from the environment (one place, exhaustive). */
export function wechatAuthFor(env: NodeJS.ProcessEnv = process.env): WechatAuth {
  const c = loadIdentityConfig(env);
  switch (c.WECHAT_AUTH) {
    case 'simulated':
      return new SimulatedWechatAuth(c.STAGE);
    case 'wechat':
      return new HttpsWechatAuth({ base: c.WECHAT_API_BASE, appId: need(c.WECHAT_APP_ID, 'WECHAT_APP_ID'), appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET') });
  }
}

const tokens = new Map<string, AccessTokenCache>();

/** One access-token cache per (base, app) for the process (a Lambda container). */
export function accessTokensFor(services: Services, env: NodeJS.ProcessEnv = process.env): AccessTokenCache {
  const c = loadIdentityConfig(env);
  const appId = need(c.WECHAT_APP_ID, 'WECHAT_APP_ID');
  const key = `${c.WECHAT_API_BASE}|${appId}`;
  let cache = tokens.get(key);
  if (!cache) {
    cache = new AccessTokenCache({ base: c.WECHAT_API_BASE, appId, appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET'), now: () => services.now() });
    tokens.set(key, cache);
  }
  return cache;
}

function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
