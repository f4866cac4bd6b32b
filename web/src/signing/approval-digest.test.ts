import { approvalText, placementSummary } from './approval-digest';

const base = { documentSha256: 'ab'.repeat(32), sealId: 'seal-1', crossPage: false };
const p1 = { page: 1, x: 100, y: 200, width: 119, height: 119 };
const p3 = { page: 3, x: 50.004, y: 60, width: 119, height: 119 };

describe('what the phone approves', () => {
  it('does not depend on the order the seals were dropped in', () => {
    expect(approvalText({ ...base, placements: [p1, p3] })).toBe(approvalText({ ...base, placements: [p3, p1] }));
  });

  it('changes when a seal moves, another seal is chosen, or the 骑缝章 is added', () => {
    const original = approvalText({ ...base, placements: [p1] });
    expect(approvalText({ ...base, placements: [{ ...p1, x: 101 }] })).not.toBe(original);
    expect(approvalText({ ...base, sealId: 'seal-2', placements: [p1] })).not.toBe(original);
    expect(approvalText({ ...base, crossPage: true, placements: [p1] })).not.toBe(original);
  });

  it('summarises the placement per page', () => {
    expect(placementSummary([p1, p3, { ...p3, x: 300 }], true)).toBe('第1页1处、第3页2处、骑缝章');
  });
});
