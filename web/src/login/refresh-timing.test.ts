import { CHALLENGE_TTL_SECONDS } from '@seal/shared';
import { REFRESH_MARGIN_MS, refreshDelayMs, secondsLeft } from './refresh-timing';

const received = Date.parse('2026-11-24T08:00:00Z');
const iso = (ms: number) => new Date(received + ms).toISOString();

describe('QR code refresh timing', () => {
  it('replaces the code before the server expires it', () => {
    const delay = refreshDelayMs(iso(CHALLENGE_TTL_SECONDS * 1000), received);
    expect(delay).toBe(CHALLENGE_TTL_SECONDS * 1000 - REFRESH_MARGIN_MS);
  });

  it('never keeps a code longer than the challenge lifetime when the browser clock is behind', () => {
    // The server's clock is an hour ahead: its expiry looks far away from here.
    const delay = refreshDelayMs(iso(3_600_000 + CHALLENGE_TTL_SECONDS * 1000), received);
    expect(delay).toBeLessThan(CHALLENGE_TTL_SECONDS * 1000);
  });

  it('does not refresh in a tight loop when the browser clock is ahead', () => {
    const delay = refreshDelayMs(iso(-3_600_000), received);
    expect(delay).toBeGreaterThanOrEqual(5_000);
  });

  it('counts down whole seconds and stops at zero', () => {
    expect(secondsLeft(received + 94_200, received)).toBe(95);
    expect(secondsLeft(received - 1, received)).toBe(0);
  });
});
