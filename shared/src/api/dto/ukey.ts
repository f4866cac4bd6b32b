import * as z from 'zod/mini';
import * as fields from '../fields';

/**
 * UKey 绑定 / 解绑 (user guide 二.2, 二.3; decisions 0021, 0121). The desktop started a `ukey_bind`
 * or `ukey_unbind` QR challenge, a phone approved it with a face check; the desktop then sends the
 * challenge id and its desktop secret. Binding also sends the certification request the token
 * signed (the UKey 签章客户端 made the key on the token); the platform answers the certificate the
 * client writes to the token.
 */
export const UkeyBindingParams = z.object({ sealId: fields.id });

const desktopSecret = z.string({ error: '二维码无效' }).check(z.minLength(16), z.maxLength(128));
const base64 = (max: number, error: string) =>
  z.string({ error }).check(z.minLength(4), z.maxLength(max), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, error));

/** The token's serial as PKCS#11 reports it (CK_TOKEN_INFO.serialNumber: at most 16 characters). */
export const ukeySerial = z
  .string({ error: 'UKey序列号不正确' })
  .check(z.minLength(1), z.maxLength(32), z.regex(/^[\x21-\x7e]+$/, 'UKey序列号不正确'));

export const UkeyBindRequest = z.object({
  challengeId: fields.id,
  desktopSecret,
  /** PKCS#10, DER, base64: a P-256 key, signed by that key on the token, subject serialNumber = the token serial. */
  csr: base64(4096, 'UKey证书请求格式不正确'),
  ukeySerial,
  /** The key's CKA_ID on the token, hex: what the client removes when the seal is unbound. */
  keyId: z.string().check(z.regex(/^[0-9a-f]{2,64}$/, 'UKey密钥编号不正确')),
});
export type UkeyBindRequest = z.infer<typeof UkeyBindRequest>;

export const UkeyUnbindRequest = z.object({ challengeId: fields.id, desktopSecret });
export type UkeyUnbindRequest = z.infer<typeof UkeyUnbindRequest>;

export const UkeyBindingResponse = z.object({
  message: z.string(),
  sealId: z.string(),
  credentialId: z.string(),
  medium: fields.medium,
  /** The UKey the seal is (bind) or was (unbind) bound to, and its key there. */
  ukeySerial: z.string(),
  keyId: z.string(),
  /** Bind: the seal certificate for the token's key, DER base64, for the client to write to the token. */
  certificate: z.optional(z.string()),
  /** Its serial number (hex); on unbind, the certificate just revoked. */
  certificateSerial: z.string(),
});
export type UkeyBindingResponse = z.infer<typeof UkeyBindingResponse>;

/**
 * UKey登录 (guide 一.2; decision 0185): the platform's challenge, signed on the token by the UKey
 * client over the text `ukeyLoginMessage(origin, challenge)`, with the certificate beside the key.
 */
export const UkeyLoginChallenge = z.object({ challenge: z.string(), expiresAt: z.string() });
export type UkeyLoginChallenge = z.infer<typeof UkeyLoginChallenge>;

export const UkeyLoginRequest = z.object({
  challenge: z.string({ error: '登录请求已失效，请重新登录' }).check(z.minLength(16), z.maxLength(1024)),
  /** The seal certificate on the token, DER base64: which binding is logging in. */
  certificate: base64(8192, 'UKey证书格式不正确'),
  /** DER ECDSA-Sig-Value, base64. */
  signature: base64(200, 'UKey签名格式不正确'),
});
export type UkeyLoginRequest = z.infer<typeof UkeyLoginRequest>;
