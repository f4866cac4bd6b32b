import { NOTIFICATION_TEMPLATE_OF, describeNotification, formatBeijingDateTime, type NotificationKind, type NotificationTemplateGroup } from '@seal/shared';
import { callWechat, TOKEN_ERRCODES, WechatApiError } from './wechat-api';
import type { AccessTokenCache } from './access-token';
import type { Notifier, PushMessage } from '../../ports/notifier';

/** The page a subscribe message opens: the mini-program's 消息 list. */
export const NOTICE_PAGE = 'packages/mine/messages/index';

/** 43101: the person has not subscribed (or used up their one-time subscription). */
const NOT_SUBSCRIBED = new Set([43101, 40003]);

const STATUS: Record<NotificationKind, string> = {
  grant_received: '已授权',
  grant_cancelled: '已取消',
  application_approved: '已通过',
  application_rejected: '已驳回',
  seals_revoked: '已注销',
  certificate_expiring: '待续期',
};

/** WeChat caps a `thing` value at 20 characters. */
const thing = (text: string) => (Array.from(text).length <= 20 ? text : `${Array.from(text).slice(0, 19).join('')}…`);

/**
 * The template data. Every template the operator picks for the three groups carries the same
 * five fields (the mini-program console lets one choose them): thing1 事项, thing2 企业名称,
 * phrase3 办理结果, time4 时间, thing5 说明.
 */
export function templateData(message: PushMessage): Record<string, { value: string }> {
  const { title, body } = describeNotification(message.kind, message.facts);
  return {
    thing1: { value: thing(title) },
    thing2: { value: thing(message.facts.companyName ?? '—') },
    phrase3: { value: STATUS[message.kind] },
    time4: { value: formatBeijingDateTime(message.at) },
    thing5: { value: thing(body) },
  };
}

/**
 * WeChat subscribe messages (POST /cgi-bin/message/subscribe/send): one-time subscriptions the
 * person accepted in the mini-program (wx.requestSubscribeMessage). Not subscribed is an outcome,
 * not an error; the in-app 消息 list has the message either way.
 */
export class WechatSubscribeMessages implements Notifier {
  readonly mode = 'wechat' as const;

  constructor(
    private readonly opts: {
      base: string;
      tokens: AccessTokenCache;
      templates: Partial<Record<NotificationTemplateGroup, string>>;
      miniprogramState: 'developer' | 'trial' | 'formal';
      fetch?: typeof fetch;
    },
  ) {}

  async push(message: PushMessage): Promise<'sent' | 'not_subscribed' | 'not_configured'> {
    const templateId = this.opts.templates[NOTIFICATION_TEMPLATE_OF[message.kind]];
    if (!templateId) return 'not_configured';
    if (!message.openid) return 'not_subscribed';
    const body = {
      touser: message.openid,
      template_id: templateId,
      page: NOTICE_PAGE,
      data: templateData(message),
      miniprogram_state: this.opts.miniprogramState,
      lang: 'zh_CN',
    };
    for (let attempt = 0; ; attempt++) {
      const token = await this.opts.tokens.get();
      try {
        await callWechat(`${this.opts.base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, { method: 'POST', body }, this.opts.fetch);
        return 'sent';
      } catch (error) {
        if (error instanceof WechatApiError && TOKEN_ERRCODES.has(error.errcode) && attempt === 0) {
          this.opts.tokens.invalidate();
          continue;
        }
        if (error instanceof WechatApiError && NOT_SUBSCRIBED.has(error.errcode)) return 'not_subscribed';
        throw error;
      }
    }
  }
}
