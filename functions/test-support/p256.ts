/** Checks a P-256 signature over a digest (what KMS Verify would answer), for tests of signers. */
export { verifyP256Digest } from '../src/adapters/aws-kms/p256-digest';
