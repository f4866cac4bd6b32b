import { optionalInteger, optionalString, requiredString } from '../fields';
import { seconds } from '../key-metadata';
import { KmsError, invalid, notFound } from '../kms-error';
import type { StoredAlias, StoredKey } from '../key-store';
import { aliasArn, resolveKey, type KmsContext } from '../resolve-key';
import type { Operation } from './operation';

const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;

export const CreateAlias: Operation = (ctx, body) => {
  const aliasName = validAliasName(requiredString(body, 'AliasName'));
  const target = aliasTarget(ctx, body);
  // The check and the write happen in one turn of the event loop: two callers racing to
  // create the same alias get one success and one AlreadyExistsException, as in KMS.
  if (ctx.store.alias(aliasName)) {
    throw new KmsError('AlreadyExistsException', `An alias with the name ${aliasArn(ctx, aliasName)} already exists`);
  }
  const now = Date.now();
  ctx.store.putAlias({ aliasName, aliasArn: aliasArn(ctx, aliasName), targetKeyId: target.keyId, creationDate: now, lastUpdatedDate: now });
  return {};
};

export const UpdateAlias: Operation = (ctx, body) => {
  const alias = existingAlias(ctx, requiredString(body, 'AliasName'));
  const target = aliasTarget(ctx, body);
  const current = ctx.store.key(alias.targetKeyId);
  if (current && (current.keySpec !== target.keySpec || current.keyUsage !== target.keyUsage)) {
    throw invalid('An alias can only move to a key of the same key spec and key usage.');
  }
  ctx.store.putAlias({ ...alias, targetKeyId: target.keyId, lastUpdatedDate: Date.now() });
  return {};
};

export const DeleteAlias: Operation = (ctx, body) => {
  ctx.store.deleteAlias(existingAlias(ctx, requiredString(body, 'AliasName')).aliasName);
  return {};
};

export const ListAliases: Operation = (ctx, body) => {
  const keyRef = optionalString(body, 'KeyId');
  const keyId = keyRef === undefined ? undefined : resolveKey(ctx, keyRef, { allowAlias: false }).keyId;
  const limit = optionalInteger(body, 'Limit') ?? 50;
  if (limit < 1 || limit > 100) throw invalid('Limit must be between 1 and 100.');
  const start = markerIndex(optionalString(body, 'Marker'));
  const all = ctx.store
    .allAliases()
    .filter((alias) => keyId === undefined || alias.targetKeyId === keyId)
    .sort((a, b) => (a.aliasName < b.aliasName ? -1 : 1));
  const page = all.slice(start, start + limit);
  const truncated = start + limit < all.length;
  return {
    Aliases: page.map(aliasEntry),
    Truncated: truncated,
    ...(truncated ? { NextMarker: String(start + limit) } : {}),
  };
};

const aliasEntry = (alias: StoredAlias) => ({
  AliasName: alias.aliasName,
  AliasArn: alias.aliasArn,
  TargetKeyId: alias.targetKeyId,
  CreationDate: seconds(alias.creationDate),
  LastUpdatedDate: seconds(alias.lastUpdatedDate),
});

function validAliasName(aliasName: string): string {
  if (!ALIAS_NAME.test(aliasName) || aliasName.startsWith('alias/aws/')) {
    throw new KmsError('InvalidAliasNameException', `Alias name ${aliasName} is not valid: it must start with alias/, use only letters, digits, /, _ and -, and not start with alias/aws/.`);
  }
  return aliasName;
}

function aliasTarget(ctx: KmsContext, body: Record<string, unknown>): StoredKey {
  const target = resolveKey(ctx, requiredString(body, 'TargetKeyId'), { allowAlias: false });
  if (target.state === 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${target.arn} is pending deletion.`);
  return target;
}

function existingAlias(ctx: KmsContext, aliasName: string): StoredAlias {
  const alias = ctx.store.alias(aliasName);
  if (!alias) throw notFound(`Alias ${aliasArn(ctx, aliasName)}`);
  return alias;
}

function markerIndex(marker: string | undefined): number {
  if (marker === undefined) return 0;
  if (!/^\d+$/.test(marker)) throw new KmsError('InvalidMarkerException', 'The marker is not valid.');
  return Number(marker);
}
