import { wrongPassword } from './token';

// SoftHSM2 never sets "final try" or locks (server.test.ts covers the count it does keep);
// a vendor token does, and the page must say so before the last try.
describe('a refused UKey password', () => {
  it('says one more wrong password locks the token when the token flags the final try', () => {
    expect(wrongPassword({ passwordFinalTry: true, passwordLocked: false })).toMatchObject({
      code: 'UKEY_PASSWORD_FINAL_TRY',
      message: 'UKey密码错误，再输错一次UKey将被锁定',
    });
  });

  it('says the token is locked once it is', () => {
    expect(wrongPassword({ passwordFinalTry: false, passwordLocked: true })).toMatchObject({ code: 'UKEY_LOCKED' });
  });

  it('asks again, warning of the lock, while tries are left', () => {
    expect(wrongPassword({ passwordFinalTry: false, passwordLocked: false })).toMatchObject({
      code: 'UKEY_PASSWORD_WRONG',
      message: 'UKey密码错误，请重新输入（连续输错多次UKey将被锁定）',
    });
  });
});
