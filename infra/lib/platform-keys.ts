import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { PLATFORM_KEY_ALIASES } from '../../functions/src/adapters/aws-kms/platform-keys';
import { SM2_PLATFORM_KEY_ALIASES } from '../../functions/src/adapters/aws-kms/sm2-platform-keys';
import type { PlatformKey } from './function-permissions';
import type { Sm2Keys } from './stage-settings';

/**
 * The platform's KMS keys under the aliases the functions look up (custody/platform-keys.ts):
 * root CA, TSA and OCSP responder (asymmetric P-256, sign/verify; the private halves never leave KMS) and the
 * credential-wrapping key (symmetric, yearly rotation). Plus the data key that encrypts the table,
 * the buckets and the secrets, and the HMAC key signing PINs are MACed under (decision 0140). The SM2 hierarchy (decision 0076): three KMS `SM2` keys (root CA, TSA,
 * seal maker) where AWS offers them, otherwise one HMAC key the functions derive all three from; the SM2 OCSP
 * responder's key (decision 0230) likewise, but always a key of its own (a fourth SM2 key, or a second HMAC key).
 */
export class PlatformKeys extends Construct {
  readonly rootCa: kms.Key;
  readonly tsa: kms.Key;
  readonly ocspResponder: kms.Key;
  readonly wrapping: kms.Key;
  /** HMAC_256: signing PINs are stored as a MAC under it (decision 0140); it never leaves KMS. */
  readonly pinMac: kms.Key;
  readonly data: kms.Key;
  /** The key behind each SM2 role: its own SM2 key, or the one HMAC key they are derived from. */
  readonly sm2: Record<'sm2RootCa' | 'sm2Tsa' | 'sealMaker' | 'sm2OcspResponder', kms.Key>;
  readonly sm2Keys: Sm2Keys;

  constructor(scope: Construct, id: string, props: { removalPolicy: RemovalPolicy; sm2Keys: Sm2Keys }) {
    super(scope, id);
    const signing = (name: string, alias: string, description: string, keySpec = kms.KeySpec.ECC_NIST_P256) =>
      new kms.Key(this, name, {
        alias,
        description,
        keySpec,
        keyUsage: kms.KeyUsage.SIGN_VERIFY,
        removalPolicy: props.removalPolicy,
        pendingWindow: Duration.days(30),
      });
    this.rootCa = signing('RootCa', PLATFORM_KEY_ALIASES.rootCa, 'Seal platform root CA signing key');
    this.tsa = signing('Tsa', PLATFORM_KEY_ALIASES.tsa, 'Seal platform time-stamping authority key');
    this.ocspResponder = signing('OcspResponder', PLATFORM_KEY_ALIASES.ocspResponder, 'Seal platform OCSP responder key');
    this.sm2Keys = props.sm2Keys;
    if (props.sm2Keys === 'kms-asymmetric') {
      this.sm2 = {
        sm2RootCa: signing('Sm2RootCa', SM2_PLATFORM_KEY_ALIASES.rootCa, 'Seal platform SM2 root CA signing key', kms.KeySpec.SM2),
        sm2Tsa: signing('Sm2Tsa', SM2_PLATFORM_KEY_ALIASES.tsa, 'Seal platform SM2 time-stamping authority key', kms.KeySpec.SM2),
        sealMaker: signing('SealMaker', SM2_PLATFORM_KEY_ALIASES.sealMaker, 'Seal platform seal maker (制章) SM2 key', kms.KeySpec.SM2),
        sm2OcspResponder: signing('Sm2OcspResponder', SM2_PLATFORM_KEY_ALIASES.ocspResponder, 'Seal platform SM2 OCSP responder key', kms.KeySpec.SM2),
      };
    } else {
      const hmac = (name: string, alias: string, description: string) =>
        new kms.Key(this, name, {
          alias,
          description,
          keySpec: kms.KeySpec.HMAC_256,
          keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
          removalPolicy: props.removalPolicy,
          pendingWindow: Duration.days(30),
        });
      const derivation = hmac('Sm2Derivation', SM2_PLATFORM_KEY_ALIASES.derivation, 'Derives the seal platform SM2 root CA, TSA and seal maker keys (GenerateMac of a label per role)');
      // Its own HMAC key: the public OCSP functions can derive the responder's key and no other.
      const ocspDerivation = hmac('Sm2OcspDerivation', SM2_PLATFORM_KEY_ALIASES.ocspDerivation, 'Derives the seal platform SM2 OCSP responder key (GenerateMac of its label)');
      this.sm2 = { sm2RootCa: derivation, sm2Tsa: derivation, sealMaker: derivation, sm2OcspResponder: ocspDerivation };
    }
    this.wrapping = new kms.Key(this, 'CredentialWrapping', {
      alias: PLATFORM_KEY_ALIASES.credentialWrapping,
      description: 'Wraps seal credential keys and ID numbers (encryption context names the purpose)',
      enableKeyRotation: true,
      removalPolicy: props.removalPolicy,
      pendingWindow: Duration.days(30),
    });
    this.pinMac = new kms.Key(this, 'PinMac', {
      alias: PLATFORM_KEY_ALIASES.pinMac,
      description: 'MACs seal credentials\' signing PINs (GenerateMac / VerifyMac); only PIN-checking functions may use it',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
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
    return { rootCa: this.rootCa, tsa: this.tsa, ocspResponder: this.ocspResponder, wrapping: this.wrapping, pinMac: this.pinMac, ...this.sm2 }[name];
  }
}
