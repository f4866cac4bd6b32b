import * as z from 'zod/mini';

/** What the identity requests share: who a person is, the face-check mode, the login secret. */

/** Who the platform believes a person is, safe to show: never the full ID number. */
export const IdentityView = z.object({ name: z.string(), idNumberMasked: z.string() });
export type IdentityView = z.infer<typeof IdentityView>;

export const FaceCheckMode = z.enum(['simulated', 'wechat']);
export type FaceCheckMode = z.infer<typeof FaceCheckMode>;

/** Only the phone that started a login has it. */
export const loginSecret = z.string().check(z.minLength(16), z.maxLength(128));
