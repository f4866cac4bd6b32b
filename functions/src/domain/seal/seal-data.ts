import { DomainError, authorize, type Actor } from '@seal/shared';
import type { Ports } from '../../ports';
import type { SealDataRecord } from '../../ports/seal-store';
import { loadSeal } from './load-seal';

/** The seal's 印章数据 (DER) for those who may see the seal; SEAL_NOT_CLAIMED before its first claim made it. */
export async function sealDataOf(
  services: Ports,
  input: { sealId: string; actor: () => Promise<Actor> },
): Promise<{ der: Uint8Array; esId: string }> {
  const seal = await loadSeal(services.store, input.sealId);
  if (!authorize(await input.actor(), 'seal.view', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed)
    throw new DomainError('NOT_AUTHORIZED');
  if (!seal.sealData) throw new DomainError('SEAL_NOT_CLAIMED');
  const der = await services.blobs.get(seal.sealData.key);
  if (!der) throw new Error(`seal ${seal.sealId}: 印章数据 ${seal.sealData.key} is missing from the blob store`);
  return { der, esId: seal.sealData.esId };
}

/** What the seal detail shows of it. */
export function sealDataSummary(record: SealDataRecord | undefined) {
  if (!record) return undefined;
  const { key: _key, ...summary } = record;
  return summary;
}
