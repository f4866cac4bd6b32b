import { Entity, type EntityConfiguration } from 'electrodb';

/**
 * A WeChat login in progress: the openid `code2session` returned, and a secret only the phone that
 * started it holds. A login face ticket is bound to `login:<loginId>` (there is no person yet).
 */
export const LoginAttempt = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'loginAttempt', version: '1', service: 'seal' },
      attributes: {
        loginId: { type: 'string', required: true, readOnly: true },
        openid: { type: 'string', required: true, readOnly: true },
        /** sha256 of the login secret. */
        secretHash: { type: 'string', required: true, readOnly: true },
        /** The person the face check is for: bound already, or named at the face check. */
        personId: { type: 'string' },
        name: { type: 'string' },
        idNumberMasked: { type: 'string' },
        /** The ID number, KMS-encrypted (WeChat's face check needs it in full). */
        idNumberSealed: { type: 'string' },
        state: { type: ['started', 'done'] as const, required: true },
        expiresAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: { byId: { pk: { field: 'pk', composite: ['loginId'] }, sk: { field: 'sk', composite: [] } } },
    },
    config,
  );

/** A window staff account (local/dev accounts come from the seed; scrypt password hash). */
export const StaffAccount = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'staffAccount', version: '1', service: 'seal' },
      attributes: {
        username: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true, readOnly: true },
        name: { type: 'string', required: true },
        passwordHash: { type: 'string', required: true },
        state: { type: ['active', 'disabled'] as const, required: true, default: 'active' },
      },
      indexes: { byUsername: { pk: { field: 'pk', composite: ['username'] }, sk: { field: 'sk', composite: [] } } },
    },
    config,
  );

/** Requests counted per key and time window (rate limits); TTL removes old windows. */
export const RateCounter = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'rateCounter', version: '1', service: 'seal' },
      attributes: {
        key: { type: 'string', required: true, readOnly: true },
        window: { type: 'string', required: true, readOnly: true },
        count: { type: 'number', required: true, default: 0 },
        ttl: { type: 'number', required: true },
      },
      indexes: { byKey: { pk: { field: 'pk', composite: ['key', 'window'] }, sk: { field: 'sk', composite: [] } } },
    },
    config,
  );
