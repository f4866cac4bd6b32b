import Taro from '@tarojs/taro';
import { isWeChatCancel, PlatformError } from './errors';

/** WeChat can deliver the platform's messages as 服务通知 once the person accepts them. */
export const canSubscribeMessages = true;

/** WeChat takes at most three one-time templates per ask. */
const MAX_TEMPLATES_PER_ASK = 3;

/**
 * WeChat's one-time subscription (wx.requestSubscribeMessage; it must follow a tap): each accepted
 * template lets the platform send one 服务通知 of its kind. Resolves to the templates accepted.
 */
export async function subscribeMessages(templateIds: string[]): Promise<string[]> {
  const asked = templateIds.slice(0, MAX_TEMPLATES_PER_ASK);
  if (asked.length === 0) return [];
  let answers: Record<string, unknown>;
  try {
    answers = (await Taro.requestSubscribeMessage({ tmplIds: asked } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
  } catch (cause) {
    if (isWeChatCancel(cause)) throw new PlatformError('CANCELLED', '已取消开启微信通知', { cause });
    // 20004: the person switched off 订阅消息 in the mini-program's settings.
    if ((cause as { errCode?: number }).errCode === 20004) {
      throw new PlatformError('UNSUPPORTED', '您已在小程序设置中关闭了订阅消息，请在右上角“…”→“设置”中打开后重试', { cause });
    }
    throw new PlatformError('DEVICE_ERROR', '微信通知开启失败，请稍后重试', { cause });
  }
  return asked.filter((id) => answers[id] === 'accept');
}
