export * from './constants';
export { GmError, type GmErrorCode } from './errors';
export { sm3, SM3_BYTES } from './sm3';
export {
  generateSm2PrivateKey,
  signSm2,
  signSm2Digest,
  sm2MessageDigest,
  sm2PrivateKeyFromSeed,
  sm2PublicKeyOf,
  sm2Z,
  verifySm2,
  verifySm2Digest,
} from './sm2';
export { sm2Pkcs8FromPrivateKey, sm2PrivateKeyFromPkcs8, sm2PublicKeyFromSpki, sm2SpkiFromPublicKey } from './keys';
export { InMemorySm2Signer, type Sm2Signer } from './in-memory-sm2-signer';
