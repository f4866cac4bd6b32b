import { useCallback, useEffect, useRef, useState } from 'react';
import type { challengeDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { ApiError, call } from '../api/client';
import { POLL_INTERVAL_MS, refreshDelayMs, secondsLeft } from '../login/refresh-timing';

export type ChallengePhase = 'creating' | 'waiting' | 'approved' | 'rejected' | 'expired' | 'error';

export interface ChallengeOutcome {
  challenge: challengeDto.ChallengeCreated;
  poll: challengeDto.PollChallengeResponse;
}

/**
 * A QR confirmation from the desktop's side: create the challenge, poll it with the desktop secret
 * (kept in memory only: it never reaches the QR code, the URL or storage), and either replace it
 * before it expires (login) or stop and say it expired (signing, UKey: the person starts again).
 */
export function useChallenge(options: {
  create: () => Promise<challengeDto.ChallengeCreated>;
  autoRefresh: boolean;
  onApproved: (outcome: ChallengeOutcome) => void;
  enabled?: boolean;
}) {
  const { enabled = true, autoRefresh } = options;
  const [challenge, setChallenge] = useState<challengeDto.ChallengeCreated>();
  const [phase, setPhase] = useState<ChallengePhase>('creating');
  const [error, setError] = useState<string>();
  const [refreshAt, setRefreshAt] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [generation, setGeneration] = useState(0);
  const latest = useRef(options);
  latest.current = options;

  const restart = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    const timers: ReturnType<typeof setTimeout>[] = [];
    const later = (fn: () => void, ms: number) => timers.push(setTimeout(() => live && fn(), ms));
    setPhase('creating');
    setError(undefined);
    setChallenge(undefined);
    latest.current
      .create()
      .then((created) => {
        if (!live) return;
        const receivedAt = Date.now();
        const delay = refreshDelayMs(created.expiresAt, receivedAt);
        setChallenge(created);
        setPhase('waiting');
        setRefreshAt(receivedAt + delay);
        later(() => {
          if (autoRefresh) return restart();
          setPhase('expired');
          live = false; // an expired code on screen: stop asking, nothing more can come of it
        }, delay);
        const poll = async () => {
          try {
            const answer = await call(routes.challengePoll, {
              params: { challengeId: created.challengeId },
              body: { desktopSecret: created.desktopSecret },
            });
            if (!live) return;
            if (answer.state === 'approved' || (answer.state === 'consumed' && answer.session)) {
              setPhase('approved');
              latest.current.onApproved({ challenge: created, poll: answer });
              return;
            }
            if (answer.state === 'rejected') return setPhase('rejected');
            if (answer.state === 'expired' || answer.state === 'consumed') return autoRefresh ? restart() : setPhase('expired');
          } catch (e) {
            if (!live) return;
            if (e instanceof ApiError && e.status >= 400 && e.status < 500) {
              setError(e.message);
              return setPhase('error');
            }
            // A network blip: keep polling.
          }
          later(poll, POLL_INTERVAL_MS);
        };
        later(poll, POLL_INTERVAL_MS);
      })
      .catch((e: Error) => {
        if (!live) return;
        setError(e.message);
        setPhase('error');
      });
    return () => {
      live = false;
      timers.forEach(clearTimeout);
    };
  }, [enabled, autoRefresh, generation, restart]);

  useEffect(() => {
    if (phase !== 'waiting') return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [phase]);

  return { challenge, phase, error, restart, secondsLeft: secondsLeft(refreshAt, now) };
}
