import { Stack } from 'aws-cdk-lib';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { AUDIT_ARCHIVE_PREFIX } from './data-store';
import type { FunctionPermissions, PlatformKey } from './function-permissions';
import type { PlatformKeys } from './platform-keys';
import type { KeyCustody } from './stage-settings';

export interface GrantTargets {
  table: dynamodb.ITable;
  documents: s3.IBucket;
  auditArchive: s3.IBucket;
  keys: PlatformKeys;
  keyCustody: KeyCustody;
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable'];
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
/** An update that touches only the item's keys and gsi1 keys and returns nothing (refiling, decision 0220). */
const INDEX_KEYS_ONLY = {
  'ForAllValues:StringEquals': { 'dynamodb:Attributes': ['pk', 'sk', 'gsi1pk', 'gsi1sk'] },
  StringEqualsIfExists: { 'dynamodb:ReturnValues': 'NONE' },
};
const DATA_KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const DATA_KEY_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey'];

/**
 * Turns one entry of function-permissions.ts into IAM statements on the function's own role. Every
 * statement names its resources; the data key is usable only through DynamoDB or S3 (kms:ViaService).
 */
export function grantPermissions(role: iam.IRole, p: FunctionPermissions, t: GrantTargets): void {
  const add = (statement: iam.PolicyStatementProps) => role.addToPrincipalPolicy(new iam.PolicyStatement(statement));
  const { region, urlSuffix } = Stack.of(role);
  // urlSuffix: amazonaws.com, or amazonaws.com.cn in the China regions.
  const viaService = (service: string) => ({ StringEquals: { 'kms:ViaService': `${service}.${region}.${urlSuffix}` } });

  if (p.table !== 'none') {
    const write = p.table === 'readWrite';
    add({ actions: write ? [...TABLE_READ, ...TABLE_WRITE] : TABLE_READ, resources: [t.table.tableArn, `${t.table.tableArn}/index/*`] });
    add({ actions: write ? [...DATA_KEY_READ, ...DATA_KEY_WRITE] : DATA_KEY_READ, resources: [t.keys.data.keyArn], conditions: viaService('dynamodb') });
    if (!write) {
      // A person's first request after decision 0205 moves their items into their partition (decision 0220),
      // whatever the function: the index keys only, nothing asked back.
      add({ actions: ['dynamodb:UpdateItem'], resources: [t.table.tableArn], conditions: INDEX_KEYS_ONLY });
      add({ actions: DATA_KEY_WRITE, resources: [t.keys.data.keyArn], conditions: viaService('dynamodb') });
    }
  }

  const docs = p.documents ?? {};
  const objects = (prefixes: readonly string[]) => prefixes.map((prefix) => t.documents.arnForObjects(`${prefix}*`));
  if (docs.read?.length) add({ actions: ['s3:GetObject'], resources: objects(docs.read) });
  if (docs.write?.length) add({ actions: ['s3:PutObject'], resources: objects(docs.write) });
  if (docs.delete?.length) add({ actions: ['s3:DeleteObject'], resources: objects(docs.delete) });
  if (docs.bucket) add({ actions: ['s3:ListBucket'], resources: [t.documents.bucketArn] });
  if (docs.read?.length || docs.write?.length) {
    add({ actions: docs.write?.length ? [...DATA_KEY_READ, ...DATA_KEY_WRITE] : DATA_KEY_READ, resources: [t.keys.data.keyArn], conditions: viaService('s3') });
  }

  if (p.auditArchive === 'write') {
    // PutObject only (no Get, no Delete, no retention change); the bucket's Object Lock keeps each object.
    add({ actions: ['s3:PutObject'], resources: [t.auditArchive.arnForObjects(`${AUDIT_ARCHIVE_PREFIX}*`)] });
    add({ actions: DATA_KEY_WRITE, resources: [t.keys.data.keyArn], conditions: viaService('s3') });
  }

  for (const [name, uses] of Object.entries(p.keys ?? {}) as [PlatformKey, readonly string[]][]) {
    // Derived SM2 keys (decision 0076): the role's key is the HMAC key; signing is GenerateMac on it.
    const derived = SM2_ROLES.includes(name) && t.keys.sm2Keys === 'kms-hmac-derived';
    const described = name === 'wrapping' ? ['kms:GetKeyRotationStatus'] : derived || name === 'pinMac' ? [] : ['kms:GetPublicKey'];
    const actions = uses.includes('describe') ? ['kms:DescribeKey', ...described] : [];
    if (uses.includes('sign')) actions.push(derived ? 'kms:GenerateMac' : 'kms:Sign');
    if (uses.includes('mac')) actions.push('kms:GenerateMac', 'kms:VerifyMac');
    if (actions.length) add({ actions, resources: [t.keys.key(name).keyArn] });
  }

  const purposes = [...(p.wrapping ?? [])];
  if (purposes.length) {
    add({
      actions: ['kms:Encrypt', 'kms:Decrypt'],
      resources: [t.keys.wrapping.keyArn],
      conditions: { 'ForAllValues:StringEquals': { 'kms:EncryptionContext:purpose': purposes }, Null: { 'kms:EncryptionContext:purpose': 'false' } },
    });
  }

  if (p.credentialKeys && t.keyCustody === 'kms-asymmetric') grantCredentialKeys(add, Stack.of(role));
}

const SM2_ROLES: readonly PlatformKey[] = ['sm2RootCa', 'sm2Tsa', 'sealMaker', 'sm2OcspResponder'];

/** kms-asymmetric custody: one KMS key per credential, created and used only with the seal-credential tag. */
function grantCredentialKeys(add: (s: iam.PolicyStatementProps) => void, stack: Stack): void {
  const tagged = { StringEquals: { 'aws:RequestTag/purpose': 'seal-credential', 'kms:KeySpec': 'ECC_NIST_P256', 'kms:KeyUsage': 'SIGN_VERIFY' } };
  const keys = stack.formatArn({ service: 'kms', resource: 'key', resourceName: '*' });
  add({ actions: ['kms:CreateKey'], resources: ['*'], conditions: tagged });
  // CreateKey with Tags also needs TagResource, checked before the key has tags.
  add({ actions: ['kms:TagResource'], resources: [keys], conditions: { StringEquals: { 'aws:RequestTag/purpose': 'seal-credential' } } });
  add({
    actions: ['kms:Sign', 'kms:GetPublicKey', 'kms:ListResourceTags', 'kms:DescribeKey', 'kms:ScheduleKeyDeletion'],
    resources: [keys],
    conditions: { StringEquals: { 'aws:ResourceTag/purpose': 'seal-credential' } },
  });
}

/**
 * The secrets a function reads at run time through the Parameters and Secrets extension (which
 * calls Secrets Manager with the function's role): GetSecretValue on exactly these secrets, and
 * the data key that encrypts them only through Secrets Manager.
 */
export function grantSecretReads(role: iam.IRole, secrets: readonly secretsmanager.ISecret[], dataKey: PlatformKeys['data']): void {
  if (secrets.length === 0) return;
  const { region, urlSuffix } = Stack.of(role);
  role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: secrets.map((s) => s.secretArn) }));
  role.addToPrincipalPolicy(
    new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: [dataKey.keyArn], conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.${urlSuffix}` } } }),
  );
}
