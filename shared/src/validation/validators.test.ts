import fc from 'fast-check';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';
import { idNumberCheckChar, isValidIdNumber, maskIdNumber } from './id-number';
import { isWeakPin } from './pin';

describe('unified social credit code', () => {
  it('accepts real published codes', () => {
    // Codes printed on public business licences (Huawei, Tencent Shenzhen, a Beijing company).
    for (const code of ['914403001922038216', '91440300708461136T', '91110000802100433B']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });
  it('refuses a wrong check character, letters outside the alphabet, and wrong lengths', () => {
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    expect(isValidCreditCode('91440300192203821I')).toBe(false);
    expect(isValidCreditCode('9144030019220382')).toBe(false);
  });
  it('detects any single changed character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }), fc.nat(16), fc.constantFrom(...alphabet), (chars, pos, replacement) => {
        const body = chars.join('');
        const code = body + creditCodeCheckChar(body);
        fc.pre(replacement !== code[pos]);
        const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
        expect(isValidCreditCode(code)).toBe(true);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });
});

describe('resident ID number', () => {
  it('accepts the GB 11643 example and refuses a wrong check digit', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
  it('refuses impossible birth dates', () => {
    const body = '44030419900230123';
    expect(isValidIdNumber(body + idNumberCheckChar(body))).toBe(false);
  });
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});

describe('signing PIN strength', () => {
  it.each([['111111', true], ['123456', true], ['654321', true], ['135790', false], ['123457', false]])('%s weak: %s', (pin, weak) => {
    expect(isWeakPin(pin)).toBe(weak);
  });
});
