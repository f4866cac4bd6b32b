import type { UkeyToken } from '../ukey/ukey-client';
import { stillFresh, tokenProblem } from './ukey-sign-flow';

const token = (over: Partial<UkeyToken> = {}): UkeyToken => ({
  serial: 'a1b2c3',
  label: '孙丽的UKey',
  manufacturer: 'SoftHSM project',
  model: 'SoftHSM v2',
  passwordLocked: false,
  keys: [{ keyId: '0f0e', label: 'seal-1', hasCertificate: true }],
  ...over,
});
const prepared = { signingId: 'uks-x', digest: 'AA==', ukeySerial: 'a1b2c3', keyId: '0f0e', expiresAt: '2026-12-03T10:05:00Z' };
const NOT_BOUND = '插入的UKey不是该印章绑定的UKey，请插入绑定该印章的UKey后点击“重新检测”';

describe('the UKey inserted for UKey签章', () => {
  it("is the one when it holds the seal's key and certificate, and then the very serial and key the platform names", () => {
    expect(tokenProblem(token(), 'seal-1')).toBeUndefined();
    expect(tokenProblem(token(), 'seal-1', prepared)).toBeUndefined();
  });

  it('is refused when it holds no key of this seal, or only a key the binding never certified', () => {
    expect(tokenProblem(token(), 'seal-2')).toBe(NOT_BOUND);
    expect(tokenProblem(token({ keys: [{ keyId: '0f0e', label: 'seal-1', hasCertificate: false }] }), 'seal-1')).toBe(NOT_BOUND);
  });

  it('is refused when its serial or key is not the one the seal is bound to', () => {
    expect(tokenProblem(token({ serial: 'other' }), 'seal-1', prepared)).toBe(NOT_BOUND);
    expect(tokenProblem(token(), 'seal-1', { ...prepared, keyId: 'aaaa' })).toBe(NOT_BOUND);
  });

  it('is refused, saying so, when it is locked', () => {
    expect(tokenProblem(token({ passwordLocked: true }), 'seal-1')).toMatch(/UKey已锁定/);
  });
});

describe('a prepared UKey signing', () => {
  it('is reused while more than half a minute is left, and prepared again after', () => {
    const expires = Date.parse(prepared.expiresAt);
    expect(stillFresh(prepared, expires - 60_000)).toBe(true);
    expect(stillFresh(prepared, expires - 10_000)).toBe(false);
    expect(stillFresh(undefined, expires - 60_000)).toBe(false);
  });
});
