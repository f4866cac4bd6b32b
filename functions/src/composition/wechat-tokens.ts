import { AccessTokenCache } from '../adapters/wechat/access-token';
import { loadIdentityConfig } from '../domain/identity/identity-config';
import type { Ports } from '../ports';

const caches = new WeakMap<Ports, AccessTokenCache>();

/** The mini-program's access token, one cache per container, shared by the WeChat adapters. */
export function wechatTokensOf(ports: Ports, env: NodeJS.ProcessEnv): AccessTokenCache {
  let tokens = caches.get(ports);
  if (!tokens) {
    const c = loadIdentityConfig(env);
    tokens = new AccessTokenCache({
      base: c.WECHAT_API_BASE,
      appId: need(c.WECHAT_APP_ID, 'WECHAT_APP_ID'),
      appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET'),
      now: () => ports.now(),
    });
    caches.set(ports, tokens);
  }
  return tokens;
}

export function need(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
