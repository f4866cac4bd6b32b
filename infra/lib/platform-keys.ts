import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PLATFORM_KEY_ALIASES } from '../../functions/src/adapters/aws-kms/platform-keys';
import type { PlatformKey } from './function-permissions';

/**
 * The platform's KMS keys under the aliases the functions look up (custody/platform-keys.ts):
 * root CA and TSA (asymmetric P-256, sign/verify; the private halves never leave KMS) and the
 * credential-wrapping key (symmetric, yearly rotation). Plus the data key that encrypts the table,
 * the buckets and the secrets.
 */
export class PlatformKeys extends Construct {
  readonly rootCa: kms.Key;
  readonly tsa: kms.Key;
  readonly wrapping: kms.Key;
  readonly data: kms.Key;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy }) {
    super(scope, id);
    const signing = (name: string, alias: string, description: string) =>
      new kms.Key(this, name, {
        alias,
        description,
        keySpec: kms.KeySpec.ECC_NIST_P256,
        keyUsage: kms.KeyUsage.SIGN_VERIFY,
        removalPolicy: props.removalPolicy,
        pendingWindow: Duration.days(30),
      });
    this.rootCa = signing('RootCa', PLATFORM_KEY_ALIASES.rootCa, 'Seal platform root CA signing key');
    this.tsa = signing('Tsa', PLATFORM_KEY_ALIASES.tsa, 'Seal platform time-stamping authority key');
    this.wrapping = new kms.Key(this, 'CredentialWrapping', {
      alias: PLATFORM_KEY_ALIASES.credentialWrapping,
      description: 'Wraps seal credential keys and ID numbers (encryption context names the purpose)',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(30),
    });
    this.data = new kms.Key(this, 'Data', {
      alias: 'alias/seal-platform/data',
      description: 'Encrypts the seal table, the document and audit buckets and the secrets',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(30),
    });
  }

  key(name: PlatformKey): kms.Key {
    return { rootCa: this.rootCa, tsa: this.tsa, wrapping: this.wrapping }[name];
  }
}
