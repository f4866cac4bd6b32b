import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { IdNumberVault } from '../../ports/id-number-vault';
import { PLATFORM_KEY_ALIASES } from './platform-keys';

/**
 * The `IdNumberVault` on KMS: the credential-wrapping key encrypts the number, with an encryption
 * context naming whose number it is, so a sealed value copied onto another subject does not decrypt.
 */
export function kmsIdNumberVault(kms: KMSClient): IdNumberVault {
  const context = (subject: string) => ({ purpose: 'id-number', subject });
  return {
    async seal(subject, idNumber) {
      const out = await kms.send(
        new EncryptCommand({
          KeyId: PLATFORM_KEY_ALIASES.credentialWrapping,
          Plaintext: Buffer.from(idNumber, 'utf8'),
          EncryptionContext: context(subject),
        }),
      );
      return Buffer.from(out.CiphertextBlob!).toString('base64');
    },
    async open(subject, sealed) {
      const out = await kms.send(
        new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: context(subject) }),
      );
      return Buffer.from(out.Plaintext!).toString('utf8');
    },
  };
}
