import { holder, legalRep, XINGHE } from '../../../../test/session-fixtures';
import type { VisibleSeal } from '../../../services/seals';
import { sealActions } from './seal-actions';

const seal = (state: string, actions: VisibleSeal['actions'] = []): VisibleSeal => ({
  sealId: 's-name',
  kind: 'company_name',
  name: '深圳市前海星河科技有限公司',
  state,
  algorithm: 'ecdsa-p256-sha256',
  expiresOn: '2028-01-01',
  actions,
});
const freeze = { event: 'freeze', action: 'seal.freeze', label: '冻结', proof: 'face' as const };
const unfreeze = { event: 'unfreeze', action: 'seal.unfreeze', label: '解冻', proof: 'face' as const };
const claim = { event: 'claim', action: 'seal.claim', label: '领取', proof: 'face' as const };
const labels = (...args: Parameters<typeof sealActions>) => sealActions(...args).map((a) => a.label);
const claimed = (me: typeof legalRep) => ({
  ...me,
  credentials: [{ sealId: 's-name', credentialId: 'c1', companyId: XINGHE, state: 'active', medium: 'phone' }],
});

describe('seal actions', () => {
  it('offers a frozen seal only unfreezing, online and at the window', () => {
    const shown = labels(claimed(legalRep), XINGHE, seal('frozen', [unfreeze]));
    expect(shown).toEqual(expect.arrayContaining(['在线解冻', '窗口解冻', '修改签章密码', '忘记签章密码']));
    expect(shown).not.toContain('在线冻结');
    expect(shown).not.toContain('文件签章');
  });

  it('offers signing and the PIN actions only after the seal was claimed', () => {
    expect(labels(legalRep, XINGHE, seal('active', [claim, freeze]))).toEqual(['印章领取', '在线冻结', '窗口冻结', '窗口注销', '用印记录']);
    expect(labels(claimed(legalRep), XINGHE, seal('active', [claim, freeze]))).toContain('文件签章');
  });

  it('never offers a holder freezing or the window forms of the company', () => {
    const shown = labels(claimed(holder), XINGHE, seal('active', [claim]));
    expect(shown).toEqual(['文件签章', '修改签章密码', '忘记签章密码']);
  });
});

describe('用印记录', () => {
  it('is offered to the legal representative, never to a holder (the permission matrix)', () => {
    expect(labels(legalRep, XINGHE, seal('active'))).toContain('用印记录');
    expect(labels(claimed(holder), XINGHE, seal('active'))).not.toContain('用印记录');
  });
});

describe('a revoked seal', () => {
  it('offers no business, not even the PIN actions of its old credential; only what it signed', () => {
    expect(labels(claimed(legalRep), XINGHE, seal('revoked'))).toEqual(['用印记录']);
  });
});
