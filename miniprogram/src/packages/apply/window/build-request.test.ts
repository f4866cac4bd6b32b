import { buildWindowRequest, emptyDraft } from './build-request';

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
});
