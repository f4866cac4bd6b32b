import type { StoredKey } from './key-store';
import { SIGNING_ALGORITHM } from './signing-algorithms';

/** KeyMetadata as DescribeKey and CreateKey return it (dates as epoch seconds, the JSON 1.1 form). */
export function keyMetadata(key: StoredKey, accountId: string) {
  const symmetric = key.keySpec === 'SYMMETRIC_DEFAULT';
  return {
    AWSAccountId: accountId,
    KeyId: key.keyId,
    Arn: key.arn,
    CreationDate: seconds(key.creationDate),
    Enabled: key.state === 'Enabled',
    Description: key.description,
    KeyUsage: key.keyUsage,
    KeyState: key.state,
    Origin: 'AWS_KMS',
    KeyManager: 'CUSTOMER',
    CustomerMasterKeySpec: key.keySpec,
    KeySpec: key.keySpec,
    MultiRegion: false,
    ...(symmetric
      ? { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] }
      : key.keySpec === 'HMAC_256'
        ? { MacAlgorithms: ['HMAC_SHA_256'] }
        : { SigningAlgorithms: [SIGNING_ALGORITHM[key.keySpec]] }),
    ...(key.deletionDate === undefined ? {} : { DeletionDate: seconds(key.deletionDate), PendingDeletionWindowInDays: key.pendingWindowInDays }),
  };
}

export const seconds = (epochMillis: number): number => epochMillis / 1000;
