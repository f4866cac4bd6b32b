import * as z from 'zod/mini';
import * as fields from '../../fields';
import { IdentityView, loginSecret } from './common';

/** Login on the phone (wx.login → face check → session), and the window staff's login. */

/** `POST /v1/login/wechat`: the `wx.login` code (H5: `sim:<test identity key>`). */
export const WechatLoginRequest = z.object({ code: z.string({ error: '缺少登录凭证' }).check(z.minLength(1), z.maxLength(256)) });
export const WechatLoginResponse = z.object({
  loginId: z.string(),
  /** Sent back with every later step of this login; only the phone that started it has it. */
  loginSecret: z.string(),
  /** The openid is already bound to a verified person: the face check is for them. */
  identity: z.nullable(IdentityView),
  expiresAt: z.string(),
});
export type WechatLoginRequest = z.infer<typeof WechatLoginRequest>;
export type WechatLoginResponse = z.infer<typeof WechatLoginResponse>;

export const LoginParams = z.object({ loginId: fields.id });
export const LoginTicketParams = z.object({ loginId: fields.id, ticketId: fields.id });
/** A face ticket in the path: `/v1/face-checks/{ticketId}/result`. */
export const TicketParams = z.object({ ticketId: fields.id });

/** `POST /v1/login/{loginId}/face-checks`: name + ID number are needed the first time only. */
export const LoginFaceCheckRequest = z.object({
  loginSecret,
  name: z.optional(fields.personName),
  idNumber: z.optional(fields.idNumber),
});
export type LoginFaceCheckRequest = z.infer<typeof LoginFaceCheckRequest>;

/** `POST /v1/login/{loginId}/session`: the passed login face ticket buys a phone session. */
export const LoginSessionRequest = z.object({ loginSecret, faceTicket: fields.faceTicket });
export type LoginSessionRequest = z.infer<typeof LoginSessionRequest>;

export const SessionResponse = z.object({
  token: z.string(),
  expiresAt: z.string(),
  kind: z.enum(['phone', 'desktop', 'staff']),
  person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string() }),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

/** `POST /v1/staff/sessions`: window staff sign in with username + password. */
export const StaffLoginRequest = z.object({
  username: z.string({ error: '请填写用户名' }).check(z.trim(), z.minLength(1, '请填写用户名'), z.maxLength(64)),
  password: z.string({ error: '请填写密码' }).check(z.minLength(1, '请填写密码'), z.maxLength(256)),
});
export type StaffLoginRequest = z.infer<typeof StaffLoginRequest>;

/** Logout (phone or staff) ends every session of the person. */
export type LoggedOut = { loggedOut: true };
