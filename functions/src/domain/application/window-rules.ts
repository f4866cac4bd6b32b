import type { CompanyType } from '@seal/shared';

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
