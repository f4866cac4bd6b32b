import { portRecipe } from '../composition';
import { WechatSubscribeMessages } from '../adapters/wechat/wechat-subscribe-messages';
import { LocalInbox } from '../adapters/notifications/local-inbox';
import { loadIdentityConfig } from '../domain/identity/identity-config';
import { subscribeTemplates } from '../domain/notification/list-notifications';
import { wechatTokensOf } from './wechat-tokens';

/** WeChat subscribe messages wherever the platform talks to WeChat; the local inbox otherwise. */
export const notifier = portRecipe('notifier', (env, ports) => {
  const c = loadIdentityConfig(env);
  switch (c.WECHAT_AUTH) {
    case 'simulated':
      return new LocalInbox(c.STAGE);
    case 'wechat':
      return new WechatSubscribeMessages({
        base: c.WECHAT_API_BASE,
        tokens: wechatTokensOf(ports, env),
        templates: subscribeTemplates(ports.config),
        miniprogramState: ports.config.WECHAT_MINIPROGRAM_STATE,
      });
  }
});
