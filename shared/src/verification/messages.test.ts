import { documentReasons } from './messages';

const failed = (fieldName: string, sealName: string | null) => ({
  fieldName,
  kind: 'signature' as const,
  indication: 'TOTAL_FAILED' as const,
  findings: [{ code: 'MODIFIED_AFTER_SIGNING' as const, indication: 'TOTAL_FAILED' as const, subIndication: 'HASH_FAILURE' as const }],
  modifications: [],
  seal: { name: sealName, kindLabel: null },
});

describe('the document reasons a person reads', () => {
  it('names an invalid signature by its seal, never by its PDF field name', () => {
    const [reason] = documentReasons({ indication: 'TOTAL_FAILED', signatures: [failed('Seal1', '合同专用章')] });
    expect(reason).toMatch(/^签章“合同专用章”无效：/);
    expect(reason).not.toContain('Seal1');
  });

  it('names a signature without a seal name by its place in the document', () => {
    const passed = { ...failed('Seal1', '法定名称章'), indication: 'TOTAL_PASSED' as const, findings: [] };
    const reasons = documentReasons({ indication: 'TOTAL_FAILED', signatures: [passed, failed('Signature2', null)] });
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^第2个签章无效：/);
  });
});
