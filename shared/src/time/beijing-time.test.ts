import { beijingDayStamp, formatBeijingDate, formatBeijingDateTime, hasExpired, validityText } from './beijing-time';

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
