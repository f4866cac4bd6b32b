import * as z from 'zod/mini';
import { id } from '../../fields';
import { placements, needsAPlace } from './common';

/** UKey签章 in two requests (decision 0123). */

/**
 * UKey签章 (guide 五.3; decision 0123), two requests around the token's signature. Phase one:
 * `POST /v1/documents/{documentId}/ukey-sign` with the seal and places; the platform answers the
 * digest the UKey signs (base64) and the token's key to sign it with.
 */
export const UkeySignPrepareRequest = z.object({ sealId: id, placements, crossPage: z.optional(z.boolean()) }).check(needsAPlace);
export type UkeySignPrepareRequest = z.infer<typeof UkeySignPrepareRequest>;

export const UkeySignPrepared = z.object({
  signingId: z.string(),
  digest: z.string(),
  ukeySerial: z.string(),
  keyId: z.string(),
  expiresAt: z.string(),
});
export type UkeySignPrepared = z.infer<typeof UkeySignPrepared>;

/** Phase two: `POST /v1/documents/{documentId}/ukey-sign/{signingId}` with the token's signature (DER ECDSA, base64). */
export const UkeySignCompleteParams = z.object({
  documentId: id,
  signingId: z.string().check(z.regex(/^uks-[0-9a-f-]{36}$/, 'Ukey签章编号不正确')),
});
export type UkeySignCompleteParams = z.infer<typeof UkeySignCompleteParams>;
export const UkeySignCompleteRequest = z.object({
  signature: z
    .string({ error: 'Ukey签名格式不正确' })
    .check(z.minLength(4), z.maxLength(512), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Ukey签名格式不正确')),
});
export type UkeySignCompleteRequest = z.infer<typeof UkeySignCompleteRequest>;
