/**
 * The `PinKeys` port: a keyed hash of signing PINs whose key never leaves KMS (decision 0140). A
 * six-digit PIN has 10^6 values, so any hash a copy of the table holds falls to a search; a MAC
 * under a key only KMS holds cannot be checked at all without asking KMS, where every guess is an
 * authenticated, logged, rate-limited call.
 */
export interface PinKeys {
  /** The MAC of `message` under the platform's PIN key, base64 (KMS GenerateMac, HMAC_SHA_256). */
  mac(message: Uint8Array): Promise<string>;
  /** Whether `mac` (base64) is the MAC of `message` under that key (KMS VerifyMac); false for a wrong one. */
  verify(message: Uint8Array, mac: string): Promise<boolean>;
}
