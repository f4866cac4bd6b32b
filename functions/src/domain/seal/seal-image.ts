import { DomainError, authorize, type Actor } from '@seal/shared';
import { sealToSvg } from '../../engines/appearance';
import type { SealStore } from '../../ports/seal-store';
import { sealDrawingOf } from '../document/seal-drawing';
import { loadSeal } from './load-seal';

/** Far above any seal the platform draws (a few dozen glyph outlines); a guard, not a limit anyone meets. */
const MAX_SVG_BYTES = 512 * 1024;

/**
 * The seal as the platform draws it on a signed page, as an SVG of filled paths (no text, no
 * links, no script): for those who may see the seal (the permission matrix's `seal.view`).
 */
export async function sealImage(store: SealStore, input: { sealId: string; actor: () => Promise<Actor> }): Promise<Buffer> {
  const seal = await loadSeal(store, input.sealId);
  if (!authorize(await input.actor(), 'seal.view', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed) throw new DomainError('NOT_AUTHORIZED');
  const company = await store.companies.get(seal.companyId);
  if (!company) throw new DomainError('SEAL_NOT_FOUND');
  const svg = Buffer.from(sealToSvg(sealDrawingOf(company, seal)), 'utf8');
  if (svg.length > MAX_SVG_BYTES) throw new Error(`seal ${seal.sealId} drew ${svg.length} bytes of SVG`);
  return svg;
}
