import { ERRORS } from '../errors';
import { MAX_PIN_FAILURES, PIN_LOCK_MINUTES, PIN_LOCK_MS, PIN_LOCKOUT_NOTE, pinAttemptsLeftMessage } from './pin-policy';

describe('the signing-PIN lockout', () => {
  it('is five wrong PINs in a row, then thirty minutes', () => {
    expect({ MAX_PIN_FAILURES, PIN_LOCK_MINUTES, PIN_LOCK_MS }).toEqual({ MAX_PIN_FAILURES: 5, PIN_LOCK_MINUTES: 30, PIN_LOCK_MS: 1_800_000 });
  });

  it('is what PIN_LOCKED, the tries-left message and the note on screen say', () => {
    expect(ERRORS.PIN_LOCKED.message).toBe('签章密码连续错误次数过多，已锁定30分钟');
    expect(pinAttemptsLeftMessage(MAX_PIN_FAILURES - 1)).toBe('签章密码错误，还可尝试4次');
    expect(PIN_LOCKOUT_NOTE).toBe('连续输错5次将锁定30分钟');
  });
});
