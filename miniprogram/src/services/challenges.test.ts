import { challengeIdFromQr } from './challenges';

describe('scanned QR codes', () => {
  it('reads the challenge id of a platform QR code', () => {
    expect(challengeIdFromQr('sealqr:1:ch_abc-123')).toBe('ch_abc-123');
  });

  it('refuses anything else', () => {
    expect(challengeIdFromQr('https://example.com/?id=1')).toBeNull();
    expect(challengeIdFromQr('sealqr:2:ch_abc')).toBeNull();
  });
});
