import { portRecipe } from '../composition';
import { HttpsWechatAuth } from '../adapters/wechat/https-wechat-auth';
import { SimulatedWechatAuth } from '../adapters/wechat/simulated-wechat-auth';
import { loadIdentityConfig } from '../domain/identity/identity-config';
import { need } from './wechat-tokens';

/** WECHAT_AUTH: WeChat's code2session, or the simulator's. */
export const wechatAuth = portRecipe('wechatAuth', (env) => {
  const c = loadIdentityConfig(env);
  switch (c.WECHAT_AUTH) {
    case 'simulated':
      return new SimulatedWechatAuth(c.STAGE);
    case 'wechat':
      return new HttpsWechatAuth({ base: c.WECHAT_API_BASE, appId: need(c.WECHAT_APP_ID, 'WECHAT_APP_ID'), appSecret: need(c.WECHAT_APP_SECRET, 'WECHAT_APP_SECRET') });
  }
});
