import * as z from 'zod/mini';

/**
 * The UKey 签章客户端's operations (decision 0120): one table for the client that serves them
 * (desktop-client/src/server.ts) and the page that calls them (web/src/ukey/ukey-client.ts), as
 * the API's route table is one for the server and its callers. Every operation is
 * `POST <path>` with a JSON body and the header `NONCE_HEADER` carrying a nonce from `NONCE_PATH`.
 */

/** The port the platform's pages look for the client on (a user's PC runs one client). */
export const UKEY_CLIENT_DEFAULT_PORT = 17810;
export const NONCE_PATH = '/v1/nonce';
export const NONCE_HEADER = 'x-ukey-nonce';
/** Documents one batch signs after one password (decision 0186): the token signs them in one login. */
export const MAX_BATCH_DIGESTS = 20;

// zod/mini like every schema in shared/ (the pages' bundle stays small and needs no eval).
const base64 = (min: number, max: number) => z.string().check(z.minLength(min), z.maxLength(max), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
const serial = z.string().check(z.minLength(1), z.maxLength(64));
const password = z.string().check(z.minLength(1), z.maxLength(64));
const keyId = z.string().check(z.regex(/^[0-9a-f]{2,64}$/));
const label = z.string().check(z.minLength(1), z.maxLength(64));
/** A SHA-256 digest, base64: 32 bytes are 43 characters and one `=` (the last one's low bits zero). */
const digest = z.string().check(z.regex(/^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/));

export const UKEY_CLIENT_OPERATIONS = {
  tokens: { path: '/v1/tokens', body: z.object({}) },
  password: { path: '/v1/password', body: z.object({ serial, password }) },
  keys: { path: '/v1/keys', body: z.object({ serial, password, label }) },
  csr: { path: '/v1/csr', body: z.object({ serial, password, keyId, commonName: label }) },
  sign: { path: '/v1/sign', body: z.object({ serial, password, keyId, digest }) },
  /** Several digests after one login (批量签章, decision 0186). */
  signBatch: {
    path: '/v1/sign-batch',
    body: z.object({ serial, password, keyId, digests: z.array(digest).check(z.minLength(1), z.maxLength(MAX_BATCH_DIGESTS)) }),
  },
  /** UKey登录 (decision 0185): the token signs the platform's challenge bound to the asking page's origin. */
  login: { path: '/v1/login', body: z.object({ serial, password, keyId, challenge: z.string().check(z.minLength(16), z.maxLength(1024)) }) },
  certificate: { path: '/v1/certificate', body: z.object({ serial, password, keyId, label, certificate: base64(4, 16 * 1024) }) },
  remove: { path: '/v1/remove', body: z.object({ serial, password, keyId: z.optional(keyId) }) },
  keyAttributes: { path: '/v1/key-attributes', body: z.object({ serial, password, keyId }) },
} as const;

export type UkeyClientOperation = keyof typeof UKEY_CLIENT_OPERATIONS;
export type UkeyClientBody<Op extends UkeyClientOperation> = z.infer<(typeof UKEY_CLIENT_OPERATIONS)[Op]['body']>;

/**
 * What the token signs to log in (decision 0185): SHA-256 of this text. The origin is the one the
 * client saw in the request (checked against its allow-list), so a signature made for one page
 * does not log in through another; the prefix keeps a login signature from being any document's.
 */
export function ukeyLoginMessage(origin: string, challenge: string): string {
  return `seal-platform ukey-login v1\n${origin}\n${challenge}`;
}
