import { randomBytes } from 'node:crypto';
import { optionalInteger } from '../fields';
import { seconds } from '../key-metadata';
import { KmsError, invalid } from '../kms-error';
import type { StoredKey } from '../key-store';
import { requireEnabled } from '../resolve-key';
import { keyOnly } from './keys';
import type { Operation } from './operation';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Rotation exists for symmetric keys only, as in KMS; the wrapping key enables it. */
function rotatable(key: StoredKey): StoredKey & { material: { kind: 'symmetric' } } {
  if (key.material.kind !== 'symmetric') {
    throw new KmsError('UnsupportedOperationException', `${key.arn} is not a symmetric key; rotation is not supported.`);
  }
  return key as StoredKey & { material: { kind: 'symmetric' } };
}

export const EnableKeyRotation: Operation = (ctx, body) => {
  const key = rotatable(keyOnly(ctx, body));
  requireEnabled(key);
  const periodInDays = optionalInteger(body, 'RotationPeriodInDays') ?? key.rotation.periodInDays;
  if (periodInDays < 90 || periodInDays > 2560) throw invalid('RotationPeriodInDays must be between 90 and 2560.');
  ctx.store.putKey({ ...key, rotation: { ...key.rotation, enabled: true, periodInDays } });
  return {};
};

export const DisableKeyRotation: Operation = (ctx, body) => {
  const key = rotatable(keyOnly(ctx, body));
  requireEnabled(key);
  ctx.store.putKey({ ...key, rotation: { ...key.rotation, enabled: false } });
  return {};
};

export const GetKeyRotationStatus: Operation = (ctx, body) => {
  const key = rotatable(keyOnly(ctx, body));
  const { enabled, periodInDays, lastRotationDate } = key.rotation;
  const next = (lastRotationDate ?? key.creationDate) + periodInDays * DAY_MS;
  return {
    KeyId: key.arn,
    KeyRotationEnabled: enabled,
    ...(enabled ? { RotationPeriodInDays: periodInDays, NextRotationDate: seconds(next) } : {}),
  };
};

/**
 * Adds a backing key: new ciphertexts use it, old ones still decrypt with theirs. (The local
 * endpoint never rotates on a schedule; this is how a test proves rotation is harmless.)
 */
export const RotateKeyOnDemand: Operation = (ctx, body) => {
  const key = rotatable(keyOnly(ctx, body));
  requireEnabled(key);
  ctx.store.putKey({
    ...key,
    rotation: { ...key.rotation, lastRotationDate: Date.now() },
    material: { kind: 'symmetric', backingKeys: [...key.material.backingKeys, randomBytes(32).toString('base64')] },
  });
  return { KeyId: key.arn };
};
