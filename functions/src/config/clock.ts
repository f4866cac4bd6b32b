/**
 * The platform's clock. In production it is the machine's. Local and test runs may set it ahead by
 * whole days (`LOCAL_CLOCK_OFFSET_DAYS`, changed while the local stack runs through its
 * `/local/clock` control), so a certificate issued today can be seen nearing its expiry: the
 * renewal job's reminder and 续期 can then be shown and tested (decision 0107). `loadConfig`
 * refuses the setting in production, and the clock ignores it there.
 */
export const LOCAL_CLOCK_OFFSET = 'LOCAL_CLOCK_OFFSET_DAYS';
/** Ten years ahead at most: far enough for any certificate this platform issues. */
export const MAX_CLOCK_OFFSET_DAYS = 3650;
const DAY_MS = 86_400_000;

/** The offset in days the environment asks for; throws on anything but a whole number of days in range. */
export function clockOffsetDays(env: NodeJS.ProcessEnv): number {
  const raw = env[LOCAL_CLOCK_OFFSET];
  if (raw === undefined || raw === '') return 0;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 0 || days > MAX_CLOCK_OFFSET_DAYS)
    throw new Error(`${LOCAL_CLOCK_OFFSET} must be a whole number of days from 0 to ${MAX_CLOCK_OFFSET_DAYS}`);
  return days;
}

/** `now()` of the ports: read on every call, so the local stack can move it while it runs. */
export function platformClock(env: NodeJS.ProcessEnv, stage: () => string): () => Date {
  return () => {
    if (stage() === 'prod') return new Date();
    return new Date(Date.now() + clockOffsetDays(env) * DAY_MS);
  };
}
