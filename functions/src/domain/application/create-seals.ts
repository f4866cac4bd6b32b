import { randomUUID } from 'node:crypto';
import { DEFAULT_SEAL_ALGORITHM, SEAL_KIND_LABELS, type Role, type SealAlgorithm, type SealKind } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

export interface NewSeal {
  sealId?: string;
  kind: SealKind;
  /** Defaults to the kind's label (合同专用章...). */
  name?: string;
  imageKey?: string;
  /** Defaults to DEFAULT_SEAL_ALGORITHM. */
  algorithm?: SealAlgorithm;
}

export interface CreatedSeal {
  sealId: string;
  companyId: string;
  kind: SealKind;
  name: string;
  state: 'pending_claim';
  algorithm: SealAlgorithm;
  createdAt: string;
}

export function newSealId(): string {
  return `seal-${randomUUID()}`;
}

/**
 * New seals come into being as `pending_claim` (the first state of the seal machine: there is no
 * event before it), all in one transaction with one audit event naming them. Each create is
 * conditional on the seal not existing, so a deterministic id (starter set, an application's
 * seals) makes a second attempt fail as CONFLICT instead of adding twins.
 */
export async function createSeals(
  store: SealStore,
  input: { companyId: string; seals: readonly NewSeal[]; actorId: string; actorRole: Role; action: string; reason?: string; now: Date },
): Promise<CreatedSeal[]> {
  const at = input.now.toISOString();
  const created: CreatedSeal[] = input.seals.map((s) => ({
    sealId: s.sealId ?? newSealId(),
    companyId: input.companyId,
    kind: s.kind,
    name: s.name ?? SEAL_KIND_LABELS[s.kind],
    state: 'pending_claim',
    algorithm: s.algorithm ?? DEFAULT_SEAL_ALGORITHM,
    createdAt: at,
  }));
  const images = new Map(input.seals.map((s, i) => [created[i]!.sealId, s.imageKey]));
  await store.commitWithAudit(
    {
      companyId: input.companyId,
      actorId: input.actorId,
      actorRole: input.actorRole,
      action: input.action,
      subject: `company:${input.companyId}`,
      reason: input.reason,
      after: { seals: created.map((s) => ({ sealId: s.sealId, kind: s.kind, state: s.state, algorithm: s.algorithm })) },
    },
    created.map((s) => {
      const imageKey = images.get(s.sealId);
      return store.seals.create({ sealId: s.sealId, companyId: s.companyId, kind: s.kind, name: s.name, state: s.state, algorithm: s.algorithm, createdAt: at, updatedAt: at, ...(imageKey ? { imageKey } : {}) });
    }),
    input.now,
  );
  return created;
}

/** The company's seals that still count (everything but revoked ones). */
export async function liveSeals(store: SealStore, companyId: string) {
  return (await store.seals.ofCompany(companyId)).filter((s) => s.state !== 'revoked');
}
