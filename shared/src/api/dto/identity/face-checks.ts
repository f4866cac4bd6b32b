import * as z from 'zod/mini';
import { ACTION_NAMES } from '../../../domain/permissions';
import * as fields from '../../fields';
import { FaceCheckMode, IdentityView, loginSecret } from './common';

/** Face checks (人脸核验). */

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
