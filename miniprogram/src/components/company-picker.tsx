import type { CompanyChoice } from '../services/me';
import { ChoiceChips } from './choice-chips';

/** 选择企业: one of the companies the person acts for. */
export function CompanyPicker({
  companies,
  companyId,
  onChange,
}: {
  companies: CompanyChoice[];
  companyId: string | undefined;
  onChange: (companyId: string) => void;
}) {
  return (
    <ChoiceChips
      label="选择企业"
      single
      choices={companies.map((c) => ({ value: c.companyId, label: c.name }))}
      selected={companyId ? [companyId] : []}
      onChange={([picked]) => picked && onChange(picked)}
    />
  );
}
