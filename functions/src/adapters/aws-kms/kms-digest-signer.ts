import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { KeyCustodyError } from './key-custody-error';
import type { DigestSigner } from '../../engines/pki/digest-signer';
import { kmsCall } from './translate-kms-error';

const DIGEST_BYTES = 32;

/**
 * A DigestSigner whose private key never leaves KMS: the platform root CA, the TSA and
 * `kms-asymmetric` credentials. `create()` reads the public key once and refuses a key that
 * cannot sign ECDSA P-256 / SHA-256, so a misconfigured key fails at start-up, not mid-signature.
 */
export class KmsDigestSigner implements DigestSigner {
  private constructor(
    private readonly client: KMSClient,
    readonly keyId: string,
    private readonly spki: Uint8Array,
  ) {}

  static async create({ client, keyId }: { client: KMSClient; keyId: string }): Promise<KmsDigestSigner> {
    const key = await kmsCall('GetPublicKey', () => client.send(new GetPublicKeyCommand({ KeyId: keyId })));
    if (key.KeySpec !== 'ECC_NIST_P256' || key.KeyUsage !== 'SIGN_VERIFY' || !key.SigningAlgorithms?.includes('ECDSA_SHA_256')) {
      throw new KeyCustodyError('KEY_UNSUITABLE', `KMS key ${keyId} is ${key.KeySpec}/${key.KeyUsage}; ECC_NIST_P256 SIGN_VERIFY with ECDSA_SHA_256 is required`);
    }
    if (!key.PublicKey) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no public key for ${keyId}`);
    // Sign with the key's ARN from here on: an alias moved later must not change this signer's key.
    return new KmsDigestSigner(client, key.KeyId ?? keyId, key.PublicKey);
  }

  async publicKeySpki(): Promise<Uint8Array> {
    return this.spki.slice();
  }

  /** Sends only the digest (MessageType DIGEST): the document never leaves the function. */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    if (digest.length !== DIGEST_BYTES) throw new RangeError(`A SHA-256 digest is ${DIGEST_BYTES} bytes, got ${digest.length}`);
    const result = await kmsCall('Sign', () =>
      this.client.send(new SignCommand({ KeyId: this.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    );
    if (!result.Signature) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no signature for ${this.keyId}`);
    return result.Signature;
  }
}
