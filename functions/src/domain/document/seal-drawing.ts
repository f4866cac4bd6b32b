import { drawSeal, type SealDrawing, type SealSpec } from '../../engines/appearance';
import type { CompanyRecord } from '../../ports/seal-store';
import type { SealItem } from '../seal/views';

type CompanyItem = Pick<CompanyRecord, 'name' | 'companyId' | 'legalRepName'>;

/** What a seal shows, from the platform's records of its company and itself. */
export function sealSpecOf(company: CompanyItem, seal: Pick<SealItem, 'kind' | 'name'>): SealSpec {
  switch (seal.kind) {
    case 'company_name':
      return { kind: seal.kind, companyName: company.name };
    case 'invoice':
      return { kind: seal.kind, companyName: company.name, creditCode: company.companyId };
    case 'legal_representative_name':
      return { kind: seal.kind, companyName: company.name, personName: company.legalRepName };
    case 'custom':
      return { kind: seal.kind, companyName: company.name, sealName: seal.name };
    default:
      // finance, contract: the standard label for the kind.
      return { kind: seal.kind, companyName: company.name };
  }
}

export function sealDrawingOf(company: CompanyItem, seal: Pick<SealItem, 'kind' | 'name'>): SealDrawing {
  return drawSeal(sealSpecOf(company, seal));
}
