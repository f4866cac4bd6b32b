/** The `WeChatAuth` port: a `wx.login` code → the user's openid for this mini-program. */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatAuth {
  readonly mode: 'simulated' | 'wechat';
  code2session(code: string): Promise<WechatSession>;
}
