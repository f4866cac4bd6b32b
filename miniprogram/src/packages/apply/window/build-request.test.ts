import { buildWindowRequest, draftFromCorrection, emptyDraft } from './build-request';

const company = { creditCode: '91440300MA5DXH8K2L', companyName: '深圳市前海星河科技有限公司' };

describe('window application request', () => {
  it('builds an application for new seals', () => {
    expect(buildWindowRequest('apply', { ...emptyDraft(), ...company, kinds: ['company_name', 'finance'] })).toEqual({
      request: {
        kind: 'apply',
        company: { creditCode: '91440300MA5DXH8K2L', name: '深圳市前海星河科技有限公司' },
        kinds: ['company_name', 'finance'],
      },
    });
  });

  it('refuses a wrong credit code before sending anything', () => {
    expect(
      buildWindowRequest('apply', { ...emptyDraft(), creditCode: '91440300MA5DXH8K2X', companyName: '某公司', kinds: ['finance'] }),
    ).toEqual({
      problem: '统一社会信用代码格式或校验位不正确',
    });
  });

  it('asks for the grantee ID number in a window authorization', () => {
    const draft = {
      ...emptyDraft(),
      ...company,
      sealIds: ['s1'],
      grantee: { name: '孙丽', idNumber: '440308199505127891', phone: '13900139002' },
    };
    expect(buildWindowRequest('authorize', draft)).toEqual({ problem: '身份证号码格式或校验位不正确' });
  });

  it('requires a reason for a freeze and a category for a revocation', () => {
    expect(buildWindowRequest('freeze', { ...emptyDraft(), ...company, sealIds: ['s1'] })).toEqual({ problem: '请填写原因（至少2个字）' });
    expect(buildWindowRequest('revoke', { ...emptyDraft(), ...company, sealIds: ['s1'] })).toEqual({ problem: '请选择注销原因' });
    expect(buildWindowRequest('revoke', { ...emptyDraft(), ...company, sealIds: ['s1'], category: 'company_merged' })).toMatchObject({
      request: { kind: 'revoke', reason: { category: 'company_merged' } },
    });
  });

  it('builds a 系统接入 application with its contact', () => {
    const draft = {
      ...emptyDraft(),
      ...company,
      systemName: 'OA系统',
      contactName: '赵敏',
      contactPhone: '13900139001',
      purpose: '合同自动盖章',
    };
    expect(buildWindowRequest('system_integration', draft)).toMatchObject({
      request: { kind: 'system_integration', systemName: 'OA系统' },
    });
  });

  it('authorizes someone together with new seals, on the medium chosen, and asks for the bilingual seal with 法定名称章', () => {
    const draft = {
      ...emptyDraft(),
      ...company,
      kinds: ['company_name' as const, 'finance' as const],
      bilingualName: true,
      withGrant: true,
      grantKinds: ['finance' as const],
      grantee: { name: '孙丽', idNumber: '440308199505127892', phone: '13900139002' },
      medium: 'ukey' as const,
    };
    expect(buildWindowRequest('apply', draft)).toEqual({
      request: {
        kind: 'apply',
        company: { creditCode: company.creditCode, name: company.companyName },
        kinds: ['company_name', 'finance'],
        bilingualName: true,
        grants: [{ role: 'seal_holder', grantee: draft.grantee, kinds: ['finance'], medium: 'ukey' }],
      },
    });
    expect(buildWindowRequest('apply', { ...draft, kinds: ['finance'] })).toEqual({ problem: '申请中英文法定名称章须同时选择法定名称章' });
    // A change (变更) never carries the bilingual option.
    expect(buildWindowRequest('change', draft)).not.toMatchObject({ request: { bilingualName: true } });
  });

  it('puts a rejected application back into the form as it was, and builds the same request again', () => {
    const submitted = {
      kind: 'authorize' as const,
      company: { creditCode: company.creditCode, name: company.companyName },
      grants: [
        {
          role: 'seal_administrator' as const,
          grantee: { name: '赵敏', idNumber: '440307199203036788', phone: '13900139001' },
          sealIds: ['s1'],
          medium: 'ukey' as const,
        },
        {
          role: 'seal_holder' as const,
          grantee: { name: '孙丽', idNumber: '440308199505127892', phone: '13900139002' },
          sealIds: ['s2'],
          medium: 'phone' as const,
        },
      ],
    };
    const corrected = draftFromCorrection(submitted)!;
    expect(corrected.kind).toBe('authorize');
    expect(corrected.draft).toMatchObject({ role: 'seal_administrator', medium: 'ukey', sealIds: ['s1'], grantee: { name: '赵敏' } });
    expect(buildWindowRequest('authorize', corrected.draft)).toEqual({ request: submitted });
    const apply = { kind: 'apply' as const, company: submitted.company, kinds: ['company_name' as const], bilingualName: true };
    expect(buildWindowRequest('apply', draftFromCorrection(apply)!.draft)).toEqual({ request: apply });
    const revoke = {
      kind: 'revoke' as const,
      company: submitted.company,
      sealIds: ['s1'],
      reason: { category: 'other' as const, text: '企业迁出本市' },
    };
    expect(buildWindowRequest('revoke', draftFromCorrection(revoke)!.draft)).toEqual({ request: revoke });
    expect(draftFromCorrection({ kind: 'custom_seal', company: submitted.company })).toBeNull();
  });
});
