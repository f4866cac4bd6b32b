/**
 * Every time a person reads is Beijing time (Asia/Shanghai, UTC+8 all year: China has had no
 * daylight saving since 1991), whatever the phone's, the browser's or the server's zone. Stored
 * and sent times stay ISO 8601 in UTC; these helpers turn them into what the UIs, PDFs and
 * reports print. Fixed offset arithmetic instead of Intl: the same output on WeChat's JS engine,
 * in browsers and in Node, with no time-zone data needed.
 */
const OFFSET_MS = 8 * 3600_000;

export type TimeInput = string | number | Date;

function instant(value: TimeInput): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `YYYY-MM-DDTHH:mm:ss` of the instant in Beijing. */
function beijingParts(value: TimeInput): string | null {
  const date = instant(value);
  return date ? new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19) : null;
}

/** 2026-12-03 00:38 (minutes), or `—` for a missing or unreadable time. */
export function formatBeijingDateTime(value: TimeInput | null | undefined, options: { seconds?: boolean } = {}): string {
  const parts = value === null || value === undefined ? null : beijingParts(value);
  if (!parts) return '—';
  return parts.slice(0, options.seconds ? 19 : 16).replace('T', ' ');
}

/** 2026-12-03, the calendar day in Beijing. */
export function formatBeijingDate(value: TimeInput | null | undefined): string {
  const parts = value === null || value === undefined ? null : beijingParts(value);
  return parts ? parts.slice(0, 10) : '—';
}

/** The calendar day in Beijing as YYYYMMDD (reference numbers, file names). */
export function beijingDayStamp(value: TimeInput): string {
  return formatBeijingDate(value).replaceAll('-', '');
}

/** Whether `until` has passed at `now` (an unreadable `until` counts as passed: never show it as valid). */
export function hasExpired(until: TimeInput | null | undefined, now: TimeInput = Date.now()): boolean {
  const end = until === null || until === undefined ? null : instant(until);
  const at = instant(now);
  return !end || !at || end.getTime() <= at.getTime();
}

/** `有效期至 2026-12-03 00:38`, or `已过期` once it has passed: an expired thing never reads as valid. */
export function validityText(until: TimeInput | null | undefined, now: TimeInput = Date.now()): string {
  return hasExpired(until, now) ? '已过期' : `有效期至 ${formatBeijingDateTime(until)}`;
}
