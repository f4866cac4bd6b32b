/** A browser has no WeChat 服务通知: messages stay in 消息. */
export const canSubscribeMessages = false;

export async function subscribeMessages(_templateIds: string[]): Promise<string[]> {
  return [];
}
