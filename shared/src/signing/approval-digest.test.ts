import { approvalDigest, approvalText, batchApprovalDigest, placementSummary, sha256Hex } from './approval-digest';

const base = { documentSha256: 'ab'.repeat(32), sealId: 'seal-1', crossPage: false };
const p1 = { page: 1, x: 100, y: 200 };
const p3 = { page: 3, x: 50.004, y: 60 };

describe('what the phone approves', () => {
  it('does not depend on the order the seals were dropped in', () => {
    expect(approvalText({ ...base, placements: [p1, p3] })).toBe(approvalText({ ...base, placements: [p3, p1] }));
  });

  it('ignores float noise below 0.01 pt, and the seal size the desktop carries along', () => {
    const withSize = { ...p1, x: 100.0004, width: 119, height: 119 };
    expect(approvalText({ ...base, placements: [withSize] })).toBe(approvalText({ ...base, placements: [p1] }));
  });

  it('changes when a seal moves, another seal or file is chosen, or the 骑缝章 is added', () => {
    const original = approvalText({ ...base, placements: [p1] });
    expect(approvalText({ ...base, placements: [{ ...p1, x: 101 }] })).not.toBe(original);
    expect(approvalText({ ...base, placements: [{ ...p1, page: 2 }] })).not.toBe(original);
    expect(approvalText({ ...base, sealId: 'seal-2', placements: [p1] })).not.toBe(original);
    expect(approvalText({ ...base, documentSha256: 'cd'.repeat(32), placements: [p1] })).not.toBe(original);
    expect(approvalText({ ...base, crossPage: true, placements: [p1] })).not.toBe(original);
  });

  it('is the SHA-256 of the canonical text (values from `sha256sum`)', async () => {
    const text = approvalText({ ...base, placements: [p3, p1] });
    expect(text).toBe(
      `{"v":1,"document":"${'ab'.repeat(32)}","sealId":"seal-1","crossPage":false,"placements":[{"page":1,"x":100,"y":200},{"page":3,"x":50,"y":60}]}`,
    );
    expect(await approvalDigest({ ...base, placements: [p3, p1] })).toBe(
      'aef8c54be47fc8fe69dd4ac1657d5dd6185816bf6d9dd067dc949b492b7fb65d',
    );
    expect(await sha256Hex(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBe(
      '315d429b7714cedb6ad04ac31240145257692630457f3c88253c5beceac76027',
    ); // "%PDF"
  });

  it('summarises the placement per page', () => {
    expect(placementSummary([p1, p3, { ...p3, x: 300 }], true)).toBe('第1页1处、第3页2处、骑缝章');
  });

  it('binds a batch to every file, its placement and their order, and never equals one document’s approval', async () => {
    const a = { documentSha256: 'ab'.repeat(32), placements: [p1], crossPage: false };
    const b = { documentSha256: 'cd'.repeat(32), placements: [p3], crossPage: false };
    const batch = await batchApprovalDigest('seal-1', [a, b]);
    expect(batch).toMatch(/^[0-9a-f]{64}$/);
    expect(await batchApprovalDigest('seal-1', [b, a])).not.toBe(batch);
    expect(await batchApprovalDigest('seal-1', [a, { ...b, placements: [{ ...p3, x: 51 }] }])).not.toBe(batch);
    expect(await batchApprovalDigest('seal-2', [a, b])).not.toBe(batch);
    expect(await batchApprovalDigest('seal-1', [a])).not.toBe(await approvalDigest({ ...a, sealId: 'seal-1' }));
  });
});
