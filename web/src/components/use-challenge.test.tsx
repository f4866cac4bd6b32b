import { act, renderHook } from '@testing-library/react';
import { CHALLENGE_TTL_SECONDS } from '@seal/shared';
import { useChallenge } from './use-challenge';
import { REFRESH_MARGIN_MS } from '../login/refresh-timing';

const poll = jest.fn();
jest.mock('../api/client', () => ({
  ApiError: class ApiError extends Error {},
  call: (...args: unknown[]) => poll(...args),
}));

let n = 0;
const create = jest.fn(async () => ({
  challengeId: `ch_${++n}`,
  desktopSecret: 's'.repeat(32),
  qrPayload: `sealqr:1:ch_${n}`,
  expiresAt: new Date(Date.now() + CHALLENGE_TTL_SECONDS * 1000).toISOString(),
}));

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

beforeEach(() => {
  jest.useFakeTimers();
  poll.mockReset().mockResolvedValue({ state: 'pending' });
  create.mockClear();
});
afterEach(() => jest.useRealTimers());

describe('the QR code on screen', () => {
  it('is replaced by a fresh login code before the server would expire it', async () => {
    const { result } = renderHook(() => useChallenge({ create, autoRefresh: true, onApproved: jest.fn() }));
    await advance(0);
    expect(result.current.challenge?.challengeId).toBe(`ch_${n}`);
    const first = result.current.challenge!.challengeId;
    await advance(CHALLENGE_TTL_SECONDS * 1000 - REFRESH_MARGIN_MS - 1000);
    expect(result.current.challenge?.challengeId).toBe(first);
    await advance(2000);
    expect(create).toHaveBeenCalledTimes(2);
    expect(result.current.challenge?.challengeId).not.toBe(first);
  });

  it('says a signing code expired and stops asking the server', async () => {
    const { result } = renderHook(() => useChallenge({ create, autoRefresh: false, onApproved: jest.fn() }));
    await advance(CHALLENGE_TTL_SECONDS * 1000);
    expect(result.current.phase).toBe('expired');
    const polls = poll.mock.calls.length;
    await advance(30_000);
    expect(poll.mock.calls.length).toBe(polls);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('reports the approval once, with the challenge it was for', async () => {
    const onApproved = jest.fn();
    poll.mockResolvedValueOnce({ state: 'pending' }).mockResolvedValueOnce({ state: 'approved' });
    const { result } = renderHook(() => useChallenge({ create, autoRefresh: false, onApproved }));
    await advance(10_000);
    expect(result.current.phase).toBe('approved');
    expect(onApproved).toHaveBeenCalledTimes(1);
    expect(onApproved.mock.calls[0][0].challenge.challengeId).toBe(result.current.challenge!.challengeId);
  });
});
