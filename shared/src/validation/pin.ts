/** A signing PIN is six digits, not all one digit, and not a straight run (123456, 654321). */
export function isSixDigitPin(pin: string): boolean {
  return /^\d{6}$/.test(pin);
}

export function isWeakPin(pin: string): boolean {
  if (/^(\d)\1{5}$/.test(pin)) return true;
  const steps = [...pin].slice(1).map((c, i) => Number(c) - Number(pin[i]));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}
