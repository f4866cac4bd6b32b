import { CHALLENGE_TTL_SECONDS } from '@seal/shared';

/** Renew this long before the server's expiry, so the code on screen is never a dead one. */
export const REFRESH_MARGIN_MS = 15_000;
/** How often the desktop asks whether the phone has answered. */
export const POLL_INTERVAL_MS = 2_000;
const FLOOR_MS = 5_000;

/**
 * Milliseconds until a fresh QR code should replace this one. The server's clock may differ from
 * the browser's, so the lifetime is measured from when the answer arrived and capped by the
 * challenge TTL the server uses: a browser clock running behind never keeps a code past its expiry,
 * and one running ahead never makes the page refresh in a tight loop.
 */
export function refreshDelayMs(expiresAt: string, receivedAt: number): number {
  const ttlMs = CHALLENGE_TTL_SECONDS * 1000;
  const claimed = new Date(expiresAt).getTime() - receivedAt;
  const lifetime = Number.isFinite(claimed) ? Math.min(Math.max(claimed, 0), ttlMs) : ttlMs;
  return Math.max(lifetime - REFRESH_MARGIN_MS, FLOOR_MS);
}

/** Whole seconds left to show beside the code ("二维码 95 秒后自动刷新"). */
export function secondsLeft(refreshAt: number, now: number): number {
  return Math.max(0, Math.ceil((refreshAt - now) / 1000));
}
