import * as z from 'zod/mini';
import * as fields from '../fields';

/**
 * UKey 绑定 / 解绑 (user guide 二.2, 二.3; decision 0021). The desktop started a `ukey_bind` or
 * `ukey_unbind` QR challenge, a phone approved it with a face check; the desktop then sends the
 * challenge id and its desktop secret, and the caller's credential of the seal changes medium.
 */
export const UkeyBindingParams = z.object({ sealId: fields.id });

export const UkeyBindingRequest = z.object({
  challengeId: fields.id,
  /** Only the desktop that created the challenge has it. */
  desktopSecret: z.string({ error: '二维码无效' }).check(z.minLength(16), z.maxLength(128)),
});
export type UkeyBindingRequest = z.infer<typeof UkeyBindingRequest>;

export const UkeyBindingResponse = z.object({
  message: z.string(),
  sealId: z.string(),
  credentialId: z.string(),
  medium: fields.medium,
});
export type UkeyBindingResponse = z.infer<typeof UkeyBindingResponse>;
