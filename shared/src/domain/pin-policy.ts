/**
 * The signing-PIN lockout (credential machine `lock` / `unlock`): this many wrong PINs in a row
 * lock the credential for this long. The only place these numbers live: the PIN check in
 * functions/, the PIN_LOCKED message and any text a person reads derive from them.
 */
export const MAX_PIN_FAILURES = 5;
export const PIN_LOCK_MINUTES = 30;
export const PIN_LOCK_MS = PIN_LOCK_MINUTES * 60 * 1000;

/** PIN_INCORRECT's message while tries remain before the lock. */
export function pinAttemptsLeftMessage(left: number): string {
  return `签章密码错误，还可尝试${left}次`;
}

/** The lockout as a sentence, for the screens where a PIN is set. */
export const PIN_LOCKOUT_NOTE = `连续输错${MAX_PIN_FAILURES}次将锁定${PIN_LOCK_MINUTES}分钟`;
