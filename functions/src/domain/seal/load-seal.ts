import { DomainError } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';
import type { SealItem } from './views';

export async function loadSeal(db: SealService, sealId: string): Promise<SealItem> {
  const { data } = await db.entities.seal.get({ sealId }).go({ consistent: true });
  if (!data) throw new DomainError('SEAL_NOT_FOUND');
  return data;
}

/** Seals named in a company-level request must belong to that company: a foreign id is "not found". */
export async function loadCompanySeals(db: SealService, companyId: string, sealIds: readonly string[]): Promise<SealItem[]> {
  const seals = await Promise.all(sealIds.map((id) => loadSeal(db, id)));
  if (seals.some((s) => s.companyId !== companyId)) throw new DomainError('SEAL_NOT_FOUND');
  return seals;
}
