import { DomainError } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';

/**
 * The seals named by a request, checked to belong to the company named with them. The permission
 * matrix resolves roles per company, so a seal of another company must never ride along under a
 * company where the caller does have a role.
 */
export async function sealsOfCompany(store: SealStore, companyId: string, sealIds: readonly string[]) {
  const unique = [...new Set(sealIds)];
  if (unique.length === 0) return [];
  const data = await store.seals.getMany(unique);
  if (data.length !== unique.length || data.some((s) => s.companyId !== companyId)) throw new DomainError('SEAL_NOT_FOUND');
  return data;
}
