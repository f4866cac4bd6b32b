import { beijingDayStamp, formatBeijingDate, formatBeijingDateTime, hasExpired, validityText } from './beijing-time';
import { sealValidityText } from './seal-validity';

describe('Beijing time', () => {
  it('shows a UTC instant as the wall clock in Beijing, across midnight', () => {
    expect(formatBeijingDateTime('2026-12-02T16:38:12Z')).toBe('2026-12-03 00:38');
    expect(formatBeijingDateTime('2026-12-02T16:38:12Z', { seconds: true })).toBe('2026-12-03 00:38:12');
    expect(formatBeijingDate('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(beijingDayStamp(new Date('2026-02-28T17:00:00Z'))).toBe('20260301');
  });

  it('does not depend on the machine’s time zone', () => {
    // shared/ has no Node types (it is browser-safe): reach the test runner's environment untyped.
    const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
    const before = env.TZ;
    env.TZ = 'America/New_York';
    try {
      expect(formatBeijingDateTime(new Date(Date.UTC(2026, 6, 1, 4, 0)))).toBe('2026-07-01 12:00');
    } finally {
      env.TZ = before;
    }
  });

  it('says 已过期 once a validity has passed, and never calls an unreadable time valid', () => {
    const now = '2026-12-02T12:00:00Z';
    expect(validityText('2026-12-02T12:05:00Z', now)).toBe('有效期至 2026-12-02 20:05');
    expect(validityText('2026-12-02T11:59:59Z', now)).toBe('已过期');
    expect(hasExpired('garbage', now)).toBe(true);
    expect(formatBeijingDateTime(undefined)).toBe('—');
  });
});

describe('sealValidityText', () => {
  const now = '2026-12-02T16:38:00Z'; // 2026-12-03 00:38 in Beijing
  it('never prints the placeholder day of an unclaimed seal', () => {
    expect(sealValidityText({ state: 'pending_claim', expiresOn: '9999-12-31' }, now)).toBe('未领取');
    expect(sealValidityText({ state: 'active', expiresOn: '9999-12-31' }, now)).toBe('未领取');
  });
  it('says a revoked seal is revoked, whatever its day', () => {
    expect(sealValidityText({ state: 'revoked', expiresOn: '9999-12-31' }, now)).toBe('已注销');
    expect(sealValidityText({ state: 'revoked', expiresOn: '2027-12-02' }, now)).toBe('已注销');
  });
  it('shows the last valid day, and 已过期 once the Beijing day has passed', () => {
    expect(sealValidityText({ state: 'active', expiresOn: '2027-12-02' }, now)).toBe('有效期至 2027-12-02');
    expect(sealValidityText({ state: 'active', expiresOn: '2026-12-03' }, now)).toBe('有效期至 2026-12-03');
    expect(sealValidityText({ state: 'active', expiresOn: '2026-12-02' }, now)).toBe('已过期');
  });
});
