import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import type { SealItem } from './views';

export async function loadSeal(store: SealStore, sealId: string): Promise<SealItem> {
  const data = await store.seals.get(sealId, { consistent: true });
  if (!data) throw new DomainError('SEAL_NOT_FOUND');
  return data;
}

/** Seals named in a company-level request must belong to that company: a foreign id is "not found". */
export async function loadCompanySeals(store: SealStore, companyId: string, sealIds: readonly string[]): Promise<SealItem[]> {
  const seals = await Promise.all(sealIds.map((id) => loadSeal(store, id)));
  if (seals.some((s) => s.companyId !== companyId)) throw new DomainError('SEAL_NOT_FOUND');
  return seals;
}
