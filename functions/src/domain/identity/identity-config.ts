import * as z from 'zod/mini';

/**
 * Settings of the identity area, read from the environment (Secrets Manager values in AWS).
 * Local and test runs get fixed development keys; production must set every secret and may not
 * use a simulated adapter.
 */
const Schema = z.object({
  STAGE: z._default(z.enum(['local', 'dev', 'prod']), 'local'),
  /** How `wx.login` codes are exchanged: the real code2session, or test identities (local). */
  WECHAT_AUTH: z._default(z.enum(['simulated', 'wechat']), 'simulated'),
  FACE_VERIFIER: z._default(z.enum(['simulated', 'wechat']), 'simulated'),
  WECHAT_APP_ID: z.optional(z.string()),
  WECHAT_APP_SECRET: z.optional(z.string()),
  /** Overridden in tests by the local stand-in of WeChat's endpoints. */
  WECHAT_API_BASE: z._default(z.url(), 'https://api.weixin.qq.com'),
  /** HMAC key of registry notifications (decision 0011). */
  REGISTRY_HMAC_KEY: z.optional(z.string().check(z.minLength(32))),
  /** Key of the keyed hash that turns an ID number into a person id. */
  PERSON_ID_KEY: z.optional(z.string().check(z.minLength(32))),
});
export type IdentityConfig = z.infer<typeof Schema> & { registryHmacKey: string; personIdKey: string };

export const LOCAL_REGISTRY_HMAC_KEY = 'local-registry-notification-key-not-for-production';
export const LOCAL_PERSON_ID_KEY = 'local-person-id-key-not-for-production-use-only';

export function loadIdentityConfig(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const c = Schema.parse(env);
  if (c.STAGE === 'prod') {
    for (const name of ['REGISTRY_HMAC_KEY', 'PERSON_ID_KEY', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'] as const) {
      if (!c[name]) throw new Error(`${name} is required in production`);
    }
    if (c.WECHAT_AUTH === 'simulated') throw new Error('the simulated WeChat login cannot run in production');
  }
  return { ...c, registryHmacKey: c.REGISTRY_HMAC_KEY ?? LOCAL_REGISTRY_HMAC_KEY, personIdKey: c.PERSON_ID_KEY ?? LOCAL_PERSON_ID_KEY };
}
