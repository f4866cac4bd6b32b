import { DecryptCommand, EncryptCommand, type KMSClient } from '@aws-sdk/client-kms';
import { PLATFORM_KEY_ALIASES } from '../../adapters/aws-kms/platform-keys';

/**
 * ID numbers at rest: WeChat's face check needs the full number each time (getverifyid), so it is
 * kept KMS-encrypted, with an encryption context naming whose number it is: a sealed value copied
 * onto another person does not decrypt.
 */
const context = (subject: string) => ({ purpose: 'id-number', subject });

export async function sealIdNumber(kms: KMSClient, subject: string, idNumber: string): Promise<string> {
  const out = await kms.send(
    new EncryptCommand({ KeyId: PLATFORM_KEY_ALIASES.credentialWrapping, Plaintext: Buffer.from(idNumber, 'utf8'), EncryptionContext: context(subject) }),
  );
  return Buffer.from(out.CiphertextBlob!).toString('base64');
}

export async function openIdNumber(kms: KMSClient, subject: string, sealed: string): Promise<string> {
  const out = await kms.send(new DecryptCommand({ CiphertextBlob: Buffer.from(sealed, 'base64'), EncryptionContext: context(subject) }));
  return Buffer.from(out.Plaintext!).toString('utf8');
}
