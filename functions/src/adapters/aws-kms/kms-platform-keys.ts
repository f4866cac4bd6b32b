import { DescribeKeyCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { PlatformKeys } from '../../ports/platform-keys';
import { KmsDigestSigner } from './kms-digest-signer';
import { PLATFORM_KEY_ALIASES, ensurePlatformKeys } from './platform-keys';
import { sm2PlatformSigners, type Sm2PlatformKeyMode } from './sm2-platform-keys';

/** The `PlatformKeys` port on KMS: keys found by alias, created on first need. */
export function kmsPlatformKeys(client: KMSClient, options: { sm2Keys: Sm2PlatformKeyMode }): PlatformKeys {
  return {
    sm2Signers: () => sm2PlatformSigners(client, options.sm2Keys),
    async signers() {
      const keys = await ensurePlatformKeys(client);
      const [root, tsa] = await Promise.all([
        KmsDigestSigner.create({ client, keyId: keys.rootCaKeyId, algorithm: keys.signingAlgorithm }),
        KmsDigestSigner.create({ client, keyId: keys.tsaKeyId, algorithm: keys.signingAlgorithm }),
      ]);
      return { root, tsa };
    },
    async ping() {
      await client.send(new DescribeKeyCommand({ KeyId: PLATFORM_KEY_ALIASES.rootCa }));
    },
  };
}
