import { createPrivateKey, createPublicKey } from 'node:crypto';
import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { kmsCall } from './translate-kms-error';
import { algorithmOfKey } from '../../engines/pki/algorithms';
import type { SignatureAlgorithmId, Signer } from '../../ports/signer';
import { credentialKeyBinding, sameBytes, type CredentialKeyContext, type CredentialKeyRecord, type KeyCustody } from '../../ports/key-custody';
import { KeyCustodyError } from './key-custody-error';
import { LOCAL_KEYS } from './local-keys';

/**
 * Default custody (decision 0004): the credential's key (of the custody's algorithm) is made here, its PKCS#8 bytes
 * are wrapped with KMS `Encrypt` under the platform wrapping key and an encryption context
 * naming company, seal and credential, and only the ciphertext is stored. `signerFor` unwraps
 * it with `Decrypt` under the same context, for one request, after the PIN check.
 * The clear key is never stored, logged or returned; buffers holding it are wiped after use.
 */
export class KmsEnvelopeCustody implements KeyCustody {
  readonly algorithm: SignatureAlgorithmId;

  constructor(private readonly deps: { client: KMSClient; wrappingKeyId: string; algorithm: SignatureAlgorithmId }) {
    this.algorithm = deps.algorithm;
  }

  async createCredentialKey(ctx: CredentialKeyContext, algorithm: SignatureAlgorithmId = this.algorithm): Promise<CredentialKeyRecord> {
    const binding = credentialKeyBinding(ctx);
    const { pkcs8, spki } = await LOCAL_KEYS[algorithm].generate();
    try {
      const wrapped = await kmsCall('Encrypt', () =>
        this.deps.client.send(new EncryptCommand({ KeyId: this.deps.wrappingKeyId, Plaintext: pkcs8, EncryptionContext: binding })),
      );
      if (!wrapped.CiphertextBlob) throw new KeyCustodyError('KEY_UNAVAILABLE', 'KMS Encrypt returned no ciphertext');
      return {
        custody: 'kms-envelope',
        keyRef: Buffer.from(wrapped.CiphertextBlob).toString('base64'),
        publicKeySpki: spki,
      };
    } finally {
      pkcs8.fill(0);
    }
  }

  async signerFor(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<Signer> {
    expectEnvelope(record);
    const algorithm = algorithmOfKey(record.publicKeySpki);
    if (!algorithm) throw new KeyCustodyError('KEY_UNSUITABLE', 'The public key on record is of no algorithm the platform signs with');
    const binding = credentialKeyBinding(ctx);
    // KMS authenticates the context: a record moved to another company, seal or credential
    // fails here with InvalidCiphertextException → KEY_CONTEXT_MISMATCH.
    const unwrapped = await kmsCall('Decrypt', () =>
      this.deps.client.send(
        new DecryptCommand({ CiphertextBlob: Buffer.from(record.keyRef, 'base64'), KeyId: this.deps.wrappingKeyId, EncryptionContext: binding }),
      ),
    );
    const pkcs8 = unwrapped.Plaintext;
    if (!pkcs8) throw new KeyCustodyError('KEY_UNAVAILABLE', 'KMS Decrypt returned no plaintext');
    try {
      return unwrappedSigner(algorithm, pkcs8, record.publicKeySpki);
    } finally {
      pkcs8.fill(0);
    }
  }

  /**
   * Nothing lives in KMS for one envelope: the credential is retired when its store drops the
   * wrapped key (crypto-shredding), which the caller does in the same write that retires it.
   */
  async retireCredentialKey(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<void> {
    expectEnvelope(record);
    credentialKeyBinding(ctx);
  }
}

/** The signer closes over what its algorithm's signing needs only (the private scalar); printing or serialising it shows no key. */
function unwrappedSigner(algorithm: SignatureAlgorithmId, pkcs8: Uint8Array, recordedSpki: Uint8Array): Signer {
  const actualSpki = createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' })).export({ format: 'der', type: 'spki' });
  if (!sameBytes(actualSpki, recordedSpki)) {
    throw new KeyCustodyError('KEY_CONTEXT_MISMATCH', 'The unwrapped key does not match the public key on record');
  }
  const sign = LOCAL_KEYS[algorithm].digestSigner(pkcs8);
  const spki = recordedSpki.slice();
  return {
    algorithm,
    publicKeySpki: async () => spki.slice(),
    signDigest: async (digest) => sign(digest),
  };
}

function expectEnvelope(record: CredentialKeyRecord): void {
  if (record.custody !== 'kms-envelope') throw new KeyCustodyError('KEY_UNSUITABLE', `Not a kms-envelope record: ${record.custody}`);
}
