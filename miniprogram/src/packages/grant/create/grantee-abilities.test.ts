import { granteeCanText } from './grantee-abilities';

describe('what the authorization success text promises', () => {
  it('promises a holder claiming and signing', () => {
    expect(granteeCanText('seal_holder')).toBe('被授权人登录小程序后即可办理：印章领取、文件签章。');
  });
  it('never promises an administrator claiming or signing, and says so', () => {
    const text = granteeCanText('seal_administrator');
    expect(text).not.toMatch(/即可办理：[^；]*(印章领取|文件签章)/);
    expect(text).toContain('授权印章持有人');
    expect(text).toContain('印章管理员不领取印章，也不能签章');
  });
});
