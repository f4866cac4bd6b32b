import { Match } from 'aws-cdk-lib/assertions';
import { PLATFORM_KEY_ALIASES } from '../../functions/src/adapters/aws-kms/platform-keys';
import { SM2_PLATFORM_KEY_ALIASES } from '../../functions/src/adapters/aws-kms/sm2-platform-keys';
import { TABLE_KEYS } from '../../functions/src/adapters/dynamodb/table-design';
import { synthStage, type SynthesizedStage } from './testing/synth-stage';

let dev: SynthesizedStage;
let prod: SynthesizedStage;
beforeAll(() => {
  dev = synthStage({ stage: 'dev' });
  prod = synthStage({ stage: 'prod' });
});

describe('the seal table', () => {
  it('has point-in-time recovery, deletion protection and is kept on stack deletion in prod', () => {
    prod.main.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
    });
  });

  it('may be destroyed with a dev stack', () => {
    dev.main.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Delete', Properties: Match.objectLike({ DeletionProtectionEnabled: false }) });
  });

  it('has the keys, indexes and TTL attribute of the table design, encrypted with a customer key', () => {
    prod.main.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE_KEYS.indexes.map((i) =>
        Match.objectLike({ IndexName: i.name, KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' }, { AttributeName: i.sortKey, KeyType: 'RANGE' }] }),
      ),
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
    });
  });
});

describe('the platform keys', () => {
  const aliasTarget = (stage: SynthesizedStage, alias: string): string => {
    const aliases = stage.main.findResources('AWS::KMS::Alias', { Properties: { AliasName: alias } });
    const [only] = Object.values(aliases) as { Properties: { TargetKeyId: { 'Fn::GetAtt': [string, string] } } }[];
    return only!.Properties.TargetKeyId['Fn::GetAtt'][0];
  };
  const keyProps = (stage: SynthesizedStage, alias: string) =>
    (stage.main.toJSON().Resources[aliasTarget(stage, alias)] as { Properties: Record<string, unknown>; DeletionPolicy: string });

  it('keeps the root CA and TSA keys in KMS as P-256 signing keys', () => {
    for (const alias of [PLATFORM_KEY_ALIASES.rootCa, PLATFORM_KEY_ALIASES.tsa]) {
      expect(keyProps(prod, alias).Properties).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    }
  });

  it('keeps the SM2 keys as one HMAC key they are derived from by default, and as three KMS SM2 keys with sm2Keys=kms-asymmetric', () => {
    expect(keyProps(prod, SM2_PLATFORM_KEY_ALIASES.derivation).Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(prod.main.findResources('AWS::KMS::Alias', { Properties: { AliasName: SM2_PLATFORM_KEY_ALIASES.rootCa } })).toEqual({});
    const china = synthStage({ stage: 'prod', sm2Keys: 'kms-asymmetric' });
    for (const alias of [SM2_PLATFORM_KEY_ALIASES.rootCa, SM2_PLATFORM_KEY_ALIASES.tsa, SM2_PLATFORM_KEY_ALIASES.sealMaker]) {
      expect(keyProps(china, alias).Properties).toMatchObject({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' });
    }
    expect(china.main.findResources('AWS::KMS::Alias', { Properties: { AliasName: SM2_PLATFORM_KEY_ALIASES.derivation } })).toEqual({});
  });

  it('keeps the SM2 OCSP responder key apart from the other SM2 keys: its own HMAC key by default, its own KMS SM2 key with sm2Keys=kms-asymmetric', () => {
    expect(keyProps(prod, SM2_PLATFORM_KEY_ALIASES.ocspDerivation).Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(aliasTarget(prod, SM2_PLATFORM_KEY_ALIASES.ocspDerivation)).not.toBe(aliasTarget(prod, SM2_PLATFORM_KEY_ALIASES.derivation));
    const china = synthStage({ stage: 'prod', sm2Keys: 'kms-asymmetric' });
    expect(keyProps(china, SM2_PLATFORM_KEY_ALIASES.ocspResponder).Properties).toMatchObject({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY' });
    expect(china.main.findResources('AWS::KMS::Alias', { Properties: { AliasName: SM2_PLATFORM_KEY_ALIASES.ocspDerivation } })).toEqual({});
  });

  it('keeps the signing-PIN key as an HMAC_256 key for GenerateMac / VerifyMac in KMS', () => {
    const pin = keyProps(prod, PLATFORM_KEY_ALIASES.pinMac);
    expect(pin.Properties).toMatchObject({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect(pin.DeletionPolicy).toBe('Retain');
  });

  it('wraps credential keys with a symmetric key that rotates', () => {
    const wrapping = keyProps(prod, PLATFORM_KEY_ALIASES.credentialWrapping).Properties;
    expect(wrapping.KeySpec ?? 'SYMMETRIC_DEFAULT').toBe('SYMMETRIC_DEFAULT');
    expect(wrapping.KeyUsage ?? 'ENCRYPT_DECRYPT').toBe('ENCRYPT_DECRYPT');
    expect(wrapping.EnableKeyRotation).toBe(true);
  });

  it('keeps the keys when a prod stack is deleted', () => {
    for (const alias of Object.values(PLATFORM_KEY_ALIASES)) expect(keyProps(prod, alias).DeletionPolicy).toBe('Retain');
  });
});

describe('the buckets', () => {
  const buckets = (stage: SynthesizedStage) => Object.values(stage.main.findResources('AWS::S3::Bucket')) as { Properties: Record<string, unknown> }[];

  it('blocks every form of public access on every bucket', () => {
    const all = buckets(prod);
    // access logs, documents, audit archive, and CloudFront's logs (api-edge.ts)
    expect(all).toHaveLength(4);
    for (const bucket of all) {
      expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    }
  });

  it('refuses plain-HTTP requests to every bucket', () => {
    const policies = Object.values(prod.main.findResources('AWS::S3::BucketPolicy')) as { Properties: { PolicyDocument: { Statement: unknown[] } } }[];
    expect(policies).toHaveLength(4);
    for (const policy of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    }
  });

  it('versions documents, encrypts them with KMS and expires unsigned uploads after a day', () => {
    prod.main.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      BucketEncryption: { ServerSideEncryptionConfiguration: [Match.objectLike({ ServerSideEncryptionByDefault: Match.objectLike({ SSEAlgorithm: 'aws:kms' }) })] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'uploads/', ExpirationInDays: 1, Status: 'Enabled' })]) },
    });
  });

  it('expires UKey signings that were prepared and never completed after a day, old versions too', () => {
    prod.main.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'ukey-signing/', ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('locks the audit archive in compliance mode in prod', () => {
    prod.main.hasResourceProperties('AWS::S3::Bucket', {
      ObjectLockEnabled: true,
      ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 3650 } } },
    });
  });
});
