import { DomainError } from '@seal/shared';
import type { Notifier, PushMessage } from '../../ports/notifier';

/**
 * Local runs and tests: what WeChat would have been asked to deliver is kept in this process's
 * inbox (newest last), so a developer or a test can see it. Refused in production, where the
 * push goes to WeChat.
 */
const inbox: PushMessage[] = [];
const LIMIT = 1000;

export class LocalInbox implements Notifier {
  readonly mode = 'local-inbox' as const;

  constructor(stage: string) {
    if (stage === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN', '生产环境须通过微信订阅消息推送');
  }

  async push(message: PushMessage): Promise<'sent'> {
    inbox.push(message);
    if (inbox.length > LIMIT) inbox.splice(0, inbox.length - LIMIT);
    return 'sent';
  }

  /** What was pushed in this process, oldest first (tests). */
  static messages(): readonly PushMessage[] {
    return inbox;
  }
}
