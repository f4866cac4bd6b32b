import { documentReasons, SUB_INDICATION_LABELS } from './messages';

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

describe('the wording of a revoked signing certificate', () => {
  const revoked = (indication: 'TOTAL_FAILED' | 'INDETERMINATE', subIndication: 'REVOKED' | 'REVOKED_NO_POE') => ({
    fieldName: 'Seal1',
    kind: 'signature' as const,
    indication,
    findings: [{ code: 'CERTIFICATE_REVOKED' as const, indication, subIndication }],
    modifications: [],
    seal: { name: '合同专用章', kindLabel: null },
  });

  it('claims revocation at signing time only where a timestamp proves it (REVOKED), not when nothing dates the signature (REVOKED_NO_POE)', () => {
    const [proven] = documentReasons({ indication: 'TOTAL_FAILED', signatures: [revoked('TOTAL_FAILED', 'REVOKED')] });
    const [unproven] = documentReasons({ indication: 'INDETERMINATE', signatures: [revoked('INDETERMINATE', 'REVOKED_NO_POE')] });
    expect(proven).toBe('签章“合同专用章”无效：签章证书已被吊销');
    expect(unproven).toBe('签章“合同专用章”无法确认：签章证书已被吊销');
    expect(SUB_INDICATION_LABELS.REVOKED).toBe('签章时证书已被吊销');
    expect(SUB_INDICATION_LABELS.REVOKED_NO_POE).toBe('证书已被吊销，且无法证明签章时证书尚未吊销');
  });
});
