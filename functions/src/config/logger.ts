import { Logger } from '@aws-lambda-powertools/logger';

/** Keys whose values never reach a log line: PINs, tokens, ID numbers, secrets, face tickets. */
const SECRET_KEYS = /pin|token|idnumber|secret|faceticket|authorization|password|cookie|signature/i;
const ID_NUMBER = /\b\d{17}[\dXx]\b/g;

/** A deep copy with secret values replaced and anything shaped like an ID number masked. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return value.replace(ID_NUMBER, '[id-number]');
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1)]),
    );
  }
  return value;
}

export const logger = new Logger({ serviceName: 'seal-platform' });

/** Log through this, never `logger.info(body)`: attributes pass through `redact`. */
export function logEvent(level: 'info' | 'warn' | 'error', message: string, attributes: Record<string, unknown> = {}): void {
  logger[level](message, redact(attributes) as Record<string, unknown>);
}
