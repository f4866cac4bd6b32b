import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_KEYS } from '../../functions/src/adapters/dynamodb/table-design';

export interface DataStoreProps {
  key: kms.IKey;
  removalPolicy: RemovalPolicy;
  deletionProtection: boolean;
  auditRetentionDays: number;
  objectLockMode: 'COMPLIANCE' | 'GOVERNANCE';
}

/** Unsigned uploads nobody turned into an application are deleted after a day. */
export const UPLOADS_PREFIX = 'uploads/';
/** Files uploaded only to be verified are not kept either. */
export const VERIFY_PREFIX = 'verify/';
/** UKey签章 prepared and never completed (decision 0123): each is refused after 5 minutes, the object is only garbage. */
export const UKEY_SIGNING_PREFIX = 'ukey-signing/';
/** Where the audit archive writer puts each audit event (functions/src/entry/jobs/audit-archive.ts). */
export const AUDIT_ARCHIVE_PREFIX = 'audit/';

/** The single table (keys from TABLE_KEYS, stream of new images), the documents bucket and the audit archive. */
export class DataStore extends Construct {
  readonly table: dynamodb.Table;
  readonly documents: s3.Bucket;
  readonly auditArchive: s3.Bucket;
  readonly accessLogs: s3.Bucket;

  constructor(scope: Construct, id: string, props: DataStoreProps) {
    super(scope, id);
    const str = (name: string) => ({ name, type: dynamodb.AttributeType.STRING });
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: str(TABLE_KEYS.partitionKey),
      sortKey: str(TABLE_KEYS.sortKey),
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection,
      timeToLiveAttribute: TABLE_KEYS.timeToLiveAttribute,
      // New items only: the audit archive writer copies each new audit event to the archive.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      removalPolicy: props.removalPolicy,
    });
    for (const index of TABLE_KEYS.indexes) {
      this.table.addGlobalSecondaryIndex({ indexName: index.name, partitionKey: str(index.partitionKey), sortKey: str(index.sortKey) });
    }

    const common = {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      removalPolicy: props.removalPolicy,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    };
    // Server access logs cannot go to a KMS-encrypted bucket: S3-managed encryption here.
    this.accessLogs = new s3.Bucket(this, 'AccessLogs', {
      ...common,
      versioned: false,
      encryption: s3.BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
    });
    this.documents = new s3.Bucket(this, 'Documents', {
      ...common,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'documents/',
      lifecycleRules: [
        { id: 'unsigned-uploads', prefix: UPLOADS_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'verification-uploads', prefix: VERIFY_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'ukey-signings', prefix: UKEY_SIGNING_PREFIX, expiration: Duration.days(1), noncurrentVersionExpiration: Duration.days(1) },
        { id: 'old-versions', noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
    });
    this.auditArchive = new s3.Bucket(this, 'AuditArchive', {
      ...common,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: props.key,
      bucketKeyEnabled: true,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'audit-archive/',
      objectLockEnabled: true,
      objectLockDefaultRetention:
        props.objectLockMode === 'COMPLIANCE'
          ? s3.ObjectLockRetention.compliance(Duration.days(props.auditRetentionDays))
          : s3.ObjectLockRetention.governance(Duration.days(props.auditRetentionDays)),
    });
  }
}
