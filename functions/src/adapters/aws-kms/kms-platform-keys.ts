import { DescribeKeyCommand, NotFoundException, type KMSClient } from '@aws-sdk/client-kms';
import type { PlatformKeys } from '../../ports/platform-keys';
import { DEFAULT_SIGNATURE_ALGORITHM } from '../../engines/pki/algorithms';
import { KeyCustodyError } from './key-custody-error';
import { KmsDigestSigner } from './kms-digest-signer';
import { translateKmsError } from './translate-kms-error';
import { PLATFORM_KEY_ALIASES, ensurePlatformKeys } from './platform-keys';
import { ensureSm2PlatformKeys, sm2OcspSigner, sm2PlatformKeySpecs, sm2PlatformSigners, type Sm2PlatformKeyMode } from './sm2-platform-keys';

/**
 * The `PlatformKeys` port on KMS: asymmetric keys found by alias. In AWS the CDK stack makes them
 * and `ensure` only checks they are there (`makeMissing: false`); against the local KMS endpoint the
 * stack's start-up makes them. A request only ever looks them up.
 */
export function kmsPlatformKeys(client: KMSClient, options: { makeMissing: boolean; sm2Keys: Sm2PlatformKeyMode }): PlatformKeys {
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
    sm2Signers: () => sm2PlatformSigners(client, options.sm2Keys, find),
    async signers() {
      const algorithm = DEFAULT_SIGNATURE_ALGORITHM;
      const [rootKeyId, tsaKeyId] = await Promise.all([find(PLATFORM_KEY_ALIASES.rootCa), find(PLATFORM_KEY_ALIASES.tsa)]);
      const [root, tsa] = await Promise.all([
        KmsDigestSigner.create({ client, keyId: rootKeyId, algorithm }),
        KmsDigestSigner.create({ client, keyId: tsaKeyId, algorithm }),
      ]);
      return { root, tsa };
    },
    async ocspSigner(hierarchy) {
      if (hierarchy === 'sm2-sm3') return sm2OcspSigner(client, options.sm2Keys, find);
      return KmsDigestSigner.create({ client, keyId: await find(PLATFORM_KEY_ALIASES.ocspResponder), algorithm: DEFAULT_SIGNATURE_ALGORITHM });
    },
    async ensure() {
      if (options.makeMissing) await Promise.all([ensurePlatformKeys(client), ensureSm2PlatformKeys(client, options.sm2Keys)]);
      else await Promise.all([PLATFORM_KEY_ALIASES.rootCa, PLATFORM_KEY_ALIASES.tsa, PLATFORM_KEY_ALIASES.ocspResponder, PLATFORM_KEY_ALIASES.pinMac, ...sm2PlatformKeySpecs(options.sm2Keys).map((k) => k.alias)].map(find));
    },
    async ping() {
      await client.send(new DescribeKeyCommand({ KeyId: PLATFORM_KEY_ALIASES.rootCa }));
    },
  };
}
