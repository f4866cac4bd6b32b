// The keypad's state as plain functions: what a key press does to the digits entered so far.
// The digits live only in the keypad's memory until they are handed to `onSubmit`.

/** Signing PINs are six digits (shared `fields.pin`). */
export const PIN_LENGTH = 6;

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** Adds a digit; a seventh press is ignored. */
export function pressDigit(entered: string, digit: string): string {
  if (!/^[0-9]$/.test(digit) || entered.length >= PIN_LENGTH) return entered;
  return entered + digit;
}

/** Removes the last digit. */
export function pressDelete(entered: string): string {
  return entered.slice(0, -1);
}

export function isComplete(entered: string): boolean {
  return entered.length === PIN_LENGTH;
}

export type KeypadLayout = 'fixed' | 'shuffled';

/**
 * The ten digit keys in reading order: the telephone layout (1-9, then 0), or shuffled so that
 * where a finger lands says nothing about the digit (Fisher-Yates with the given random source).
 */
export function keypadDigits(layout: KeypadLayout, random: () => number = Math.random): string[] {
  const keys: string[] = [...DIGITS];
  if (layout === 'fixed') return keys;
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys;
}
