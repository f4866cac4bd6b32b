import { GetPublicKeyCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { KeyCustodyError } from './key-custody-error';
import { signatureAlgorithm } from '../../engines/pki/algorithms';
import type { SignatureAlgorithmId, Signer } from '../../ports/signer';
import { KMS_SIGNING_KEYS } from './kms-algorithms';
import { kmsCall } from './translate-kms-error';

/**
 * A Signer whose private key never leaves KMS: the platform root CA, the TSA and `kms-asymmetric`
 * credentials. `create()` reads the public key once and refuses a key that cannot do the algorithm
 * asked for (key spec, usage, signing algorithm, and the public key itself), so a misconfigured key
 * fails at start-up, not mid-signature.
 */
export class KmsDigestSigner implements Signer {
  private constructor(
    private readonly client: KMSClient,
    readonly keyId: string,
    readonly algorithm: SignatureAlgorithmId,
    private readonly spki: Uint8Array,
  ) {}

  static async create({ client, keyId, algorithm }: { client: KMSClient; keyId: string; algorithm: SignatureAlgorithmId }): Promise<KmsDigestSigner> {
    const wanted = KMS_SIGNING_KEYS[algorithm];
    const key = await kmsCall('GetPublicKey', () => client.send(new GetPublicKeyCommand({ KeyId: keyId })));
    if (key.KeySpec !== wanted.keySpec || key.KeyUsage !== 'SIGN_VERIFY' || !key.SigningAlgorithms?.includes(wanted.signingAlgorithm)) {
      throw new KeyCustodyError(
        'KEY_UNSUITABLE',
        `KMS key ${keyId} is ${key.KeySpec}/${key.KeyUsage}; ${algorithm} needs ${wanted.keySpec} SIGN_VERIFY with ${wanted.signingAlgorithm}`,
      );
    }
    if (!key.PublicKey) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no public key for ${keyId}`);
    if (!signatureAlgorithm(algorithm).holdsKey(key.PublicKey)) throw new KeyCustodyError('KEY_UNSUITABLE', `KMS key ${keyId} is not a ${algorithm} key`);
    // Sign with the key's ARN from here on: an alias moved later must not change this signer's key.
    return new KmsDigestSigner(client, key.KeyId ?? keyId, algorithm, key.PublicKey);
  }

  async publicKeySpki(): Promise<Uint8Array> {
    return this.spki.slice();
  }

  /** Sends only the digest (MessageType DIGEST): the document never leaves the function. */
  async signDigest(digest: Uint8Array): Promise<Uint8Array> {
    const length = signatureAlgorithm(this.algorithm).hash.length;
    if (digest.length !== length) throw new RangeError(`A ${this.algorithm} digest is ${length} bytes, got ${digest.length}`);
    const result = await kmsCall('Sign', () =>
      this.client.send(
        new SignCommand({ KeyId: this.keyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: KMS_SIGNING_KEYS[this.algorithm].signingAlgorithm }),
      ),
    );
    if (!result.Signature) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no signature for ${this.keyId}`);
    return result.Signature;
  }
}
