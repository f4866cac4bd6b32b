import type { NotificationFacts, NotificationKind } from '@seal/shared';

/** One message to push to a person's phone, outside the app. */
export interface PushMessage {
  notificationId: string;
  /** The person's WeChat openid, when they ever logged in with WeChat. */
  openid?: string;
  kind: NotificationKind;
  facts: NotificationFacts;
  at: Date;
}

/**
 * The `Notifier` port: pushes a notification outside the app. WeChat subscribe messages
 * (subscribeMessage.send) in production; the local inbox in local runs. The in-app 消息 list
 * does not depend on it: the domain stores every notification first.
 */
export interface Notifier {
  readonly mode: 'wechat' | 'local-inbox';
  /** Never throws for the person's choices: not subscribed is an outcome, not an error. */
  push(message: PushMessage): Promise<'sent' | 'not_subscribed' | 'not_configured'>;
}
