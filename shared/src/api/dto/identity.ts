import * as z from 'zod/mini';
import { ACTION_NAMES } from '../../domain/permissions';
import { COMPANY_TYPES } from '../../domain/seal';
import { GRANT_ROLES } from '../../domain/roles';
import type { SystemCause } from '../../domain/reasons';
import * as fields from '../fields';

/** Who the platform believes a person is, safe to show: never the full ID number. */
export const IdentityView = z.object({ name: z.string(), idNumberMasked: z.string() });
export type IdentityView = z.infer<typeof IdentityView>;

export const FaceCheckMode = z.enum(['simulated', 'wechat']);
export type FaceCheckMode = z.infer<typeof FaceCheckMode>;

// ---- Login on the phone (wx.login → face check → session) ----

/** Only the phone that started a login has it. */
const loginSecret = z.string().check(z.minLength(16), z.maxLength(128));

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

// ---- Face checks (人脸核验) ----

/** What a face ticket is for: a company, some seals, or one QR challenge. */
export const FaceCheckTarget = z.object({
  companyId: z.optional(fields.creditCode),
  sealIds: z.optional(z.array(fields.id).check(z.minLength(1), z.maxLength(50))),
  challengeId: z.optional(fields.id),
});
export type FaceCheckTarget = z.infer<typeof FaceCheckTarget>;

/** `POST /v1/face-checks` */
export const StartFaceCheckRequest = z.object({
  action: z.enum(ACTION_NAMES as [string, ...string[]], { error: '业务类型不正确' }),
  target: z._default(FaceCheckTarget, {}),
});
export type StartFaceCheckRequest = z.infer<typeof StartFaceCheckRequest>;

export const FaceCheckStarted = z.object({
  ticketId: z.string(),
  /** WeChat mode: pass to `wx.requestFacialVerify`. */
  verifyId: z.optional(z.string()),
  mode: FaceCheckMode,
  identity: IdentityView,
  expiresAt: z.string(),
});
export type FaceCheckStarted = z.infer<typeof FaceCheckStarted>;

/** `POST /v1/face-checks/{ticketId}/result` (and the login variant): `passed` only in simulated mode. */
export const FaceCheckResultRequest = z.object({ passed: z.optional(z.boolean()), loginSecret: z.optional(loginSecret) });
export type FaceCheckResultRequest = z.infer<typeof FaceCheckResultRequest>;
export const FaceCheckResult = z.object({ ticketId: z.string(), state: z.enum(['pending', 'passed', 'failed', 'used']) });
export type FaceCheckResult = z.infer<typeof FaceCheckResult>;

// ---- Who am I ----

export const MeResponse = z.object({
  person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string(), phone: z.optional(z.string()) }),
  /** Companies whose legal representative I am. */
  companies: z.array(z.object({ companyId: z.string(), name: z.string(), type: z.enum(COMPANY_TYPES), status: z.enum(['active', 'closed']) })),
  /** My active grants (administrator / holder). */
  grants: z.array(
    z.object({ grantId: z.string(), companyId: z.string(), companyName: z.string(), role: z.enum(GRANT_ROLES), sealIds: z.array(z.string()) }),
  ),
  /** Seals I claimed (credentials), once they exist. */
  credentials: z.array(
    z.object({
      sealId: z.string(),
      credentialId: z.string(),
      companyId: z.string(),
      state: z.string(),
      /** Where it signs: `phone` (the platform's custody, PIN) or `ukey` (the token it is bound to). */
      medium: z.string(),
      /** The serial of the UKey it is bound to, while `medium` is `ukey`. */
      ukeySerial: z.optional(z.string()),
    }),
  ),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** `GET /v1/dev/test-identities` (local/dev only): the seed's people, for the H5 login picker. */
export const TestIdentity = z.object({ key: z.string(), name: z.string(), idNumber: z.string(), note: z.string(), code: z.string() });
export type TestIdentity = z.infer<typeof TestIdentity>;
export type TestIdentityList = { people: TestIdentity[] };

// ---- Business-licence registry notifications (HMAC-signed; decision 0011) ----

export const RegistryChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal_representative'), name: fields.personName, idNumber: fields.idNumber }),
  z.object({ kind: z.literal('name'), name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)) }),
  z.object({ kind: z.literal('type'), type: z.enum(COMPANY_TYPES) }),
  z.object({ kind: z.literal('closure') }),
]);
export type RegistryChange = z.infer<typeof RegistryChange>;

/** `POST /v1/registry/notifications` */
export const RegistryNotification = z.object({
  notificationId: z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[A-Za-z0-9_.:-]+$/)),
  creditCode: fields.creditCode,
  occurredAt: fields.isoDateTime,
  changes: z.array(RegistryChange).check(z.minLength(1), z.maxLength(10)),
});
export type RegistryNotification = z.infer<typeof RegistryNotification>;
/** What the platform did about a notification: the life-cycle causes it fired for the company. */
export type RegistryNotificationResult = { notificationId: string; companyId: string; causes: SystemCause[] };
