import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Registry notifications are signed (decision 0011):
 *   X-Registry-Timestamp: <unix seconds>
 *   X-Registry-Signature: sha256=<hex HMAC-SHA256(key, "<timestamp>.<raw body>")>
 * The timestamp is inside the MAC, so an old body cannot be re-sent with a fresh timestamp.
 */
export const TIMESTAMP_HEADER = 'x-registry-timestamp';
export const SIGNATURE_HEADER = 'x-registry-signature';
/** Notifications older or newer than this are refused; ids are remembered for longer than this. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function signNotification(key: string, timestamp: number, rawBody: string | Uint8Array): string {
  const mac = createHmac('sha256', key).update(`${timestamp}.`).update(rawBody).digest('hex');
  return `sha256=${mac}`;
}

export function signatureMatches(key: string, timestamp: number, rawBody: Uint8Array, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(signNotification(key, timestamp, rawBody));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Headers for a notification: what the registry (or a test playing it) sends. */
export function notificationHeaders(key: string, body: string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signNotification(key, timestamp, body),
  };
}
