import { SEAL_KIND_LABELS, type SealKind } from '@seal/shared';
import { drawSeal, type SealDrawing, type SealSpec } from '../../engines/appearance';
import type { CompanyRecord } from '../../ports/seal-store';
import type { SealItem } from '../seal/views';

type CompanyItem = Pick<CompanyRecord, 'name' | 'companyId' | 'legalRepName'>;

/** What a seal shows, from the platform's records of its company and itself. */
export function sealSpecOf(company: CompanyItem, seal: Pick<SealItem, 'kind' | 'name'>): SealSpec {
  return appearanceOf(seal.kind, { companyName: company.name, creditCode: company.companyId, personName: company.legalRepName, customLabel: seal.name });
}

/**
 * The standard appearance of each seal kind: round with the star and no label for the company-name
 * seal; round with its label for finance, contract and custom seals; oval with the tax number for
 * the invoice seal; square with the legal representative's name for the name seal.
 */
export function appearanceOf(
  kind: SealKind,
  facts: { companyName: string; creditCode?: string; personName?: string; customLabel?: string },
): SealSpec {
  switch (kind) {
    case 'company_name':
      return { shape: 'round', star: true, companyName: facts.companyName };
    case 'invoice':
      return { shape: 'oval', companyName: facts.companyName, label: SEAL_KIND_LABELS.invoice, creditCode: facts.creditCode };
    case 'legal_representative_name':
      return { shape: 'square', companyName: facts.companyName, personName: facts.personName };
    case 'custom':
      return { shape: 'round', companyName: facts.companyName, label: facts.customLabel ?? SEAL_KIND_LABELS.custom };
    case 'finance':
    case 'contract':
      return { shape: 'round', companyName: facts.companyName, label: SEAL_KIND_LABELS[kind] };
    default: {
      const unknown: never = kind;
      throw new Error(`unknown seal kind ${String(unknown)}`);
    }
  }
}

export function sealDrawingOf(company: CompanyItem, seal: Pick<SealItem, 'kind' | 'name'>): SealDrawing {
  return drawSeal(sealSpecOf(company, seal));
}
