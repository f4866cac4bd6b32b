import { KmsError, notFound } from './kms-error';
import type { KeyStore, StoredKey } from './key-store';

/** Everything an operation needs: the store and the account/region ARNs are built for. */
export interface KmsContext {
  store: KeyStore;
  accountId: string;
  region: string;
}

export const partitionOf = (region: string): string => (region.startsWith('cn-') ? 'aws-cn' : 'aws');

export const keyArn = (ctx: KmsContext, keyId: string): string =>
  `arn:${partitionOf(ctx.region)}:kms:${ctx.region}:${ctx.accountId}:key/${keyId}`;

export const aliasArn = (ctx: KmsContext, aliasName: string): string =>
  `arn:${partitionOf(ctx.region)}:kms:${ctx.region}:${ctx.accountId}:${aliasName}`;

const ARN = /^arn:aws(?:-cn|-us-gov)?:kms:[a-z0-9-]+:\d{12}:(key\/.+|alias\/.+)$/;

/**
 * Finds a key the way KMS does: key id, key ARN, and (where the operation allows it) alias
 * name or alias ARN. `allowAlias: false` is for operations such as ScheduleKeyDeletion,
 * CreateAlias's target and TagResource, which take only a key id or key ARN.
 */
export function resolveKey(ctx: KmsContext, ref: string, options: { allowAlias: boolean }): StoredKey {
  if (ref.startsWith('arn:')) {
    const resource = ref.match(ARN)?.[1];
    if (resource === undefined) throw new KmsError('InvalidArnException', `Invalid arn ${ref}`);
    if (resource.startsWith('alias/')) {
      const alias = options.allowAlias ? ctx.store.alias(resource) : undefined;
      if (alias?.aliasArn !== ref) throw notFound(`Alias ${ref}`);
      return existing(ctx, alias.targetKeyId, ref);
    }
    const key = existing(ctx, resource.slice('key/'.length), ref);
    if (key.arn !== ref) throw notFound(`Key '${ref}'`);
    return key;
  }
  if (ref.startsWith('alias/')) {
    if (!options.allowAlias) throw notFound(`Invalid keyId ${ref}; this operation takes a key id or key ARN`);
    const alias = ctx.store.alias(ref);
    if (!alias) throw notFound(`Alias ${aliasArn(ctx, ref)}`);
    return existing(ctx, alias.targetKeyId, ref);
  }
  return existing(ctx, ref, ref);
}

function existing(ctx: KmsContext, keyId: string, ref: string): StoredKey {
  const key = ctx.store.key(keyId);
  if (!key) throw notFound(`Key '${ref.startsWith('arn:') ? ref : keyArn(ctx, keyId)}'`);
  return key;
}

/** Cryptographic operations need an enabled key; the exception names what is wrong with it. */
export function requireEnabled(key: StoredKey): void {
  if (key.state === 'Disabled') throw new KmsError('DisabledException', `${key.arn} is disabled.`);
  if (key.state === 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
}

export function requireUsage(key: StoredKey, usage: StoredKey['keyUsage'], operation: string): void {
  if (key.keyUsage !== usage) {
    throw new KmsError('InvalidKeyUsageException', `You cannot use ${key.arn} for ${operation}: its KeyUsage is ${key.keyUsage}.`);
  }
}
