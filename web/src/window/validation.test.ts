import { checkWindowRequest } from './validation';

const company = { creditCode: '91440300MA5DXH8K2L', name: '深圳市前海星河科技有限公司' };

describe('window form checks', () => {
  it('accepts a complete freeze application', () => {
    expect(checkWindowRequest({ kind: 'freeze', company, sealIds: ['seal_1'], reason: '印章保管不善' }).ok).toBe(true);
  });

  it('explains in Chinese what is missing', () => {
    const result = checkWindowRequest({ kind: 'freeze', company, sealIds: [], reason: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages).toEqual(expect.arrayContaining(['请至少选择一枚印章']));
  });

  it("falls back to zod's Chinese (zh-CN) text, not a bare 'Invalid input', for a check without a message of its own", () => {
    const grant = { role: 'seal_holder', grantee: { name: '李四', idNumber: '11010519491231002X', phone: '13800138000' } };
    const result = checkWindowRequest({
      kind: 'custom_seal',
      company,
      sealName: '合同专用章',
      design: { source: 'template', template: 'round' },
      grants: Array.from({ length: 11 }, () => grant),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.messages).toEqual(['数值过大：期望 array <=10 项']);
  });

  it('refuses a credit code with a wrong check digit', () => {
    const result = checkWindowRequest({ kind: 'apply', company: { ...company, creditCode: '91440300MA5DXH8K2M' }, kinds: ['contract'] });
    expect(result.ok).toBe(false);
  });
});
