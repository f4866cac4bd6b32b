import { Entity, type EntityConfiguration } from 'electrodb';

/** What every audit event says, pending or linked (AuditFacts without seq). */
const EVENT_FACTS = {
  companyId: { type: 'string', required: true, readOnly: true },
  at: { type: 'string', required: true, readOnly: true },
  actorId: { type: 'string', required: true, readOnly: true },
  actorRole: { type: 'string', required: true, readOnly: true },
  action: { type: 'string', required: true, readOnly: true },
  subject: { type: 'string', required: true, readOnly: true },
  reason: { type: 'string' },
  before: { type: 'any' },
  after: { type: 'any' },
} as const;

/**
 * One link of a company's audit hash chain, written by the chainer (decision 0160). `seq` is dense
 * from 1; a link is created only if its seq is free and together with the head moving to it, so
 * two chainers racing cannot both link and no link is silently overwritten.
 */
export const AuditEvent = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditEvent', version: '1', service: 'seal' },
      attributes: {
        ...EVENT_FACTS,
        // Zero-padded in the sort key so events order numerically.
        seq: { type: 'number', required: true, readOnly: true, padding: { length: 12, char: '0' } },
        prevHash: { type: 'string', required: true, readOnly: true },
        hash: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: ['seq'] } },
      },
    },
    config,
  );

/**
 * An audit event as the change's own transaction writes it: not yet linked, under a key of its own
 * (time, then random), so writers of one company never contend for anything (decision 0160). The
 * chainer replaces it by its link.
 */
export const PendingAuditEvent = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditPending', version: '1', service: 'seal' },
      attributes: {
        ...EVENT_FACTS,
        pendingId: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: ['pendingId'] } },
      },
    },
    config,
  );

/** Where a company's chain ends: the chainer moves it conditionally, one writer at a time. */
export const AuditChainHead = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditHead', version: '1', service: 'seal' },
      attributes: {
        companyId: { type: 'string', required: true, readOnly: true },
        seq: { type: 'number', required: true },
        hash: { type: 'string', required: true },
      },
      indexes: {
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: [] } },
      },
    },
    config,
  );

/** A checkpoint of a company's chain: its head at `seq`, timestamped by the platform TSA (key in KMS). */
export const AuditCheckpoint = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditCheckpoint', version: '1', service: 'seal' },
      attributes: {
        companyId: { type: 'string', required: true, readOnly: true },
        seq: { type: 'number', required: true, readOnly: true, padding: { length: 12, char: '0' } },
        hash: { type: 'string', required: true, readOnly: true },
        at: { type: 'string', required: true, readOnly: true },
        token: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byCompany: { pk: { field: 'pk', composite: ['companyId'] }, sk: { field: 'sk', composite: ['seq'] } },
      },
    },
    config,
  );

/**
 * A company whose chain has links no checkpoint covers yet (decision 0227): written with every
 * link, deleted once a checkpoint reaches `seq`. Filed under one of a few shard partitions, not the
 * company's, so the checkpoint job lists exactly the companies it has work for, a page at a time,
 * without a Scan.
 */
export const AuditUnsealedHead = (config: EntityConfiguration) =>
  new Entity(
    {
      model: { entity: 'auditUnsealed', version: '1', service: 'seal' },
      attributes: {
        shard: { type: 'number', required: true, readOnly: true },
        companyId: { type: 'string', required: true, readOnly: true },
        seq: { type: 'number', required: true },
      },
      indexes: {
        byShard: { pk: { field: 'pk', composite: ['shard'] }, sk: { field: 'sk', composite: ['companyId'] } },
      },
    },
    config,
  );
