import { Entity, type EntityConfiguration } from 'electrodb';
import { CHALLENGE_PURPOSES, CHALLENGE_STATES } from '@seal/shared';

/** A QR confirmation challenge: created by a desktop session, approved once on a phone. */
export const Challenge = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'challenge', version: '1', service: 'seal' },
      attributes: {
        challengeId: { type: 'string', required: true, readOnly: true },
        purpose: { type: CHALLENGE_PURPOSES, required: true, readOnly: true },
        /** Hash of the desktop session's secret: only that session learns the outcome. */
        desktopBinding: { type: 'string', required: true, readOnly: true },
        summary: { type: 'any', required: true, readOnly: true },
        state: { type: CHALLENGE_STATES, required: true },
        approverId: { type: 'string' },
        outcome: { type: 'any' },
        createdAt: { type: 'string', required: true, readOnly: true },
        expiresAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
        version: { type: 'number', required: true, default: 1 },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['challengeId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );

/** A passed face check: bound to (person, action, target), five minutes, single use. */
export const FaceTicket = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'faceTicket', version: '1', service: 'seal' },
      attributes: {
        ticketId: { type: 'string', required: true, readOnly: true },
        personId: { type: 'string', required: true, readOnly: true },
        action: { type: 'string', required: true, readOnly: true },
        target: { type: 'string', required: true, readOnly: true },
        /** `pending` until the face verifier reports a pass; `passed`, then `used` exactly once. */
        state: { type: ['pending', 'passed', 'failed', 'used'] as const, required: true },
        verifyId: { type: 'string' },
        expiresAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byId: { pk: { field: 'pk', composite: ['ticketId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );

/** A one-time value (registry notification id, idempotency key) remembered until `ttl`. */
export const Nonce = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'nonce', version: '1', service: 'seal' },
      attributes: {
        scope: { type: 'string', required: true, readOnly: true },
        value: { type: 'string', required: true, readOnly: true },
        seenAt: { type: 'string', required: true, readOnly: true },
        ttl: { type: 'number', required: true, readOnly: true },
      },
      indexes: {
        byValue: { pk: { field: 'pk', composite: ['scope', 'value'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );
