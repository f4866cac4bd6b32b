import { randomInt } from 'node:crypto';
import { beijingDayStamp } from '@seal/shared/time';

/** Crockford base32 without I, L, O, U: nothing a person at the window misreads or mistypes. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 申请编号, e.g. `YZ20260301-7KQ3M9XD`: the day of submission (Asia/Shanghai) and 40 random bits.
 * It is also the application's id, so the QR code on the printed form finds the application with
 * one read; it is random, not a counter, so there is no hot counter item and numbers are not
 * guessable. A collision (1 in 10^12 per day) is caught by the create's existence condition.
 */
export function newReference(now: Date): string {
  const day = beijingDayStamp(now);
  let random = '';
  for (let i = 0; i < 8; i++) random += ALPHABET[randomInt(ALPHABET.length)];
  return `YZ${day}-${random}`;
}

export const REFERENCE_PATTERN = /^YZ\d{8}-[0-9A-HJKMNP-TV-Z]{8}$/;
