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

  it('refuses a credit code with a wrong check digit', () => {
    const result = checkWindowRequest({ kind: 'apply', company: { ...company, creditCode: '91440300MA5DXH8K2M' }, kinds: ['contract'] });
    expect(result.ok).toBe(false);
  });
});
