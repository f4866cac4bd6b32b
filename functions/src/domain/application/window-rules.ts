import type { CompanyType, SealKind } from '@seal/shared';

/**
 * 印章申请 cases the user guide sends to the window, with the message the person sees; `null`
 * when online apply is open to them.
 */
export function windowRequiredFor(facts: { type: CompanyType; executivePartners: number; bilingualName?: boolean }): string | null {
  if (facts.type === 'partnership' && facts.executivePartners > 1) return '执行事务合伙人为多个的合伙企业，需通过窗口办理印章申请';
  if (facts.bilingualName && facts.type === 'foreign_invested') return '外资企业制作中英文法定名称章，需携带相关证明材料通过窗口办理';
  if (facts.bilingualName) return '中英文法定名称章需携带相关证明材料通过窗口办理';
  return null;
}

/**
 * 中英文法定名称章 at the window: only a foreign-invested company has an English legal name to put on
 * it (the guide), and it is a company-name seal, so 法定名称章 must be among the seals asked for.
 */
export function bilingualNameRefusal(facts: { type: CompanyType; bilingualName?: boolean; kinds: readonly SealKind[] }): string | null {
  if (!facts.bilingualName) return null;
  if (facts.type !== 'foreign_invested') return '中英文法定名称章仅限外资企业申请';
  if (!facts.kinds.includes('company_name')) return '申请中英文法定名称章须同时选择法定名称章';
  return null;
}
