import { CORNER_PAGE_LABELS, type CornerPage } from './corner-placement';

/** 盖章位置 of a batch: the first or last page's lower right corner (UKey批量签章, 批量签章). */
export function CornerPageSelect({
  value,
  disabled,
  onChange,
}: {
  value: CornerPage;
  disabled?: boolean;
  onChange: (where: CornerPage) => void;
}) {
  return (
    <select data-testid="batch-page" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as CornerPage)}>
      {Object.entries(CORNER_PAGE_LABELS).map(([where, label]) => (
        <option key={where} value={where}>
          {label}
        </option>
      ))}
    </select>
  );
}
