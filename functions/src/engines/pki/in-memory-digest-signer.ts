import { p256 } from '@noble/curves/nist.js';
import type { Signer } from './signer';
import { toArrayBuffer } from './bytes';
import { PkiError } from './errors';

const P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/**
 * An ECDSA P-256 key held in memory (algorithm ecdsa-p256-sha256), for tests and local runs. WebCrypto makes and imports the key;
 * WebCrypto cannot sign a precomputed digest (it always hashes the message itself), so the
 * signature over the digest is made with @noble/curves, which is what KMS `Sign` with
 * MessageType DIGEST does.
 */
export class InMemoryDigestSigner implements Signer {
  readonly algorithm = 'ecdsa-p256-sha256' as const;

  private constructor(
    private readonly secretKey: Uint8Array,
    private readonly spki: Uint8Array,
    private readonly pkcs8: Uint8Array,
  ) {}

  /** A fresh random P-256 key. */
  static async generate(): Promise<InMemoryDigestSigner> {
    const pair = await crypto.subtle.generateKey(P256, true, ['sign', 'verify']);
    return InMemoryDigestSigner.fromCryptoKey(pair.privateKey);
  }

  /** A signer for an existing P-256 key given as DER PKCS#8 (`openssl genpkey` / `exportPkcs8()`). */
  static async fromPkcs8(pkcs8: Uint8Array): Promise<InMemoryDigestSigner> {
    let key: CryptoKey;
    try {
      key = await crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), P256, true, ['sign']);
    } catch (cause) {
      throw new PkiError('PKI_UNSUPPORTED_KEY', 'not a PKCS#8 ECDSA P-256 private key', { cause });
    }
    return InMemoryDigestSigner.fromCryptoKey(key);
  }

  private static async fromCryptoKey(privateKey: CryptoKey): Promise<InMemoryDigestSigner> {
    const jwk = await crypto.subtle.exportKey('jwk', privateKey);
    if (!jwk.d || !jwk.x || !jwk.y) throw new PkiError('PKI_UNSUPPORTED_KEY', 'the key has no private part');
    const publicKey = await crypto.subtle.importKey('jwk', { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y }, P256, true, ['verify']);
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
    return new InMemoryDigestSigner(new Uint8Array(Buffer.from(jwk.d, 'base64url')), spki, pkcs8);
  }

  async publicKeySpki(): Promise<Uint8Array> {
    return this.spki.slice();
  }

  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    if (digest.length !== 32) throw new PkiError('PKI_BAD_INPUT', `a SHA-256 digest has 32 bytes, got ${digest.length}`);
    return p256.sign(digest, this.secretKey, { prehash: false, format: 'der' });
  }

  /** The private key as DER PKCS#8, to keep a local CA key between runs. Never for production keys. */
  exportPkcs8(): Uint8Array {
    return this.pkcs8.slice();
  }
}
