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
  return { der: await storedSealData(services, seal.sealId, seal.sealData), esId: seal.sealData.esId };
}

/** The DER the record names; its absence from the blob store is the platform's fault, not the caller's. */
export async function storedSealData(services: Ports, sealId: string, record: SealDataRecord): Promise<Uint8Array> {
  const der = await services.blobs.get(record.key);
  if (!der) throw new Error(`seal ${sealId}: 印章数据 ${record.key} is missing from the blob store`);
  return der;
}

/** What the seal detail shows of it. */
export function sealDataSummary(record: SealDataRecord | undefined) {
  if (!record) return undefined;
  const { key: _key, ...summary } = record;
  return summary;
}
