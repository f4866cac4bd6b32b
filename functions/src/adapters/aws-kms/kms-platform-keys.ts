import { DescribeKeyCommand, NotFoundException, type KMSClient } from '@aws-sdk/client-kms';
import type { PlatformKeys } from '../../ports/platform-keys';
import { DEFAULT_SIGNATURE_ALGORITHM } from '../../engines/pki/algorithms';
import { KeyCustodyError } from './key-custody-error';
import { KmsDigestSigner } from './kms-digest-signer';
import { translateKmsError } from './translate-kms-error';
import { PLATFORM_KEY_ALIASES, ensurePlatformKeys } from './platform-keys';

/**
 * The `PlatformKeys` port on KMS: asymmetric keys found by alias. In AWS the CDK stack makes them
 * and `ensure` only checks they are there (`makeMissing: false`); against the local KMS endpoint the
 * stack's start-up makes them. A request only ever looks them up.
 */
export function kmsPlatformKeys(client: KMSClient, options: { makeMissing: boolean }): PlatformKeys {
  const find = async (alias: string): Promise<string> => {
    try {
      const { KeyMetadata } = await client.send(new DescribeKeyCommand({ KeyId: alias }));
      if (KeyMetadata?.KeyId) return KeyMetadata.Arn ?? KeyMetadata.KeyId;
    } catch (error) {
      if (!(error instanceof NotFoundException)) throw translateKmsError(error, 'DescribeKey');
    }
    throw new KeyCustodyError('PLATFORM_NOT_READY', `${alias} does not exist: run the platform bootstrap`);
  };
  return {
    async signers() {
      const algorithm = DEFAULT_SIGNATURE_ALGORITHM;
      const [rootKeyId, tsaKeyId] = await Promise.all([find(PLATFORM_KEY_ALIASES.rootCa), find(PLATFORM_KEY_ALIASES.tsa)]);
      const [root, tsa] = await Promise.all([
        KmsDigestSigner.create({ client, keyId: rootKeyId, algorithm }),
        KmsDigestSigner.create({ client, keyId: tsaKeyId, algorithm }),
      ]);
      return { root, tsa };
    },
    async ensure() {
      if (options.makeMissing) await ensurePlatformKeys(client);
      else await Promise.all([find(PLATFORM_KEY_ALIASES.rootCa), find(PLATFORM_KEY_ALIASES.tsa)]);
    },
    async ping() {
      await client.send(new DescribeKeyCommand({ KeyId: PLATFORM_KEY_ALIASES.rootCa }));
    },
  };
}
