import type { Route } from '@seal/shared/api';

/**
 * How hard the public doors of the API may be knocked on (decision 0074), as data: the route groups
 * by the route table's handler names, each with an API Gateway throttle (all callers together, per
 * second) and an AWS WAF rate-based rule (per client IP, per five minutes). The stack and its tests
 * read this; a handler renamed in the route table fails synth instead of silently losing its limit.
 */
export interface RouteGroupLimit {
  /** Names the WAF rule and its metric. */
  name: string;
  handlers: readonly string[];
  /** API Gateway stage route settings: steady requests per second and burst, for everyone together. */
  throttle: { rateLimit: number; burstLimit: number };
  /** WAF: requests per client IP in any five minutes before that IP gets 429 on the group's routes. */
  perIpPerFiveMinutes: number;
}

export const ROUTE_GROUP_LIMITS: readonly RouteGroupLimit[] = [
  {
    // Sign-in: each WeChat code exchange, face-ticket exchange and staff password check.
    name: 'login',
    handlers: ['login-wechat', 'login-face-check-result', 'login-session', 'staff-login', 'login-challenge-create'],
    throttle: { rateLimit: 50, burstLimit: 100 },
    perIpPerFiveMinutes: 100,
  },
  {
    // A face-check start is a paid WeChat face-verification call.
    name: 'face-check-start',
    handlers: ['login-face-check-start', 'face-check-start'],
    throttle: { rateLimit: 20, burstLimit: 40 },
    perIpPerFiveMinutes: 30,
  },
  {
    // No-login verification parses whole PDFs: the most CPU a stranger can ask for.
    name: 'verify',
    handlers: ['verify-document', 'create-verify-upload', 'verify-uploaded-document', 'verification-report'],
    throttle: { rateLimit: 20, burstLimit: 40 },
    perIpPerFiveMinutes: 100,
  },
];

/** Every route, all callers together (the stage default). */
export const DEFAULT_THROTTLE = { rateLimit: 200, burstLimit: 400 };
/** Any one IP on any route in five minutes (ten a second on average). */
export const PER_IP_PER_FIVE_MINUTES = 3000;

/**
 * Lambda takes at most a 6 MB event and the API base64-encodes binary bodies (×4/3): a body declared
 * larger than this cannot reach a handler, and is refused at the edge with the local server's 413.
 */
export const EDGE_MAX_BODY_BYTES = 4_600_000;

/** The routes of a group, from the route table; a handler no route names is an error. */
export function routesOf(group: RouteGroupLimit, routes: readonly Route[]): Route[] {
  const found = routes.filter((r) => group.handlers.includes(r.handler));
  const missing = group.handlers.filter((h) => !found.some((r) => r.handler === h));
  if (missing.length > 0) throw new Error(`edge limits of "${group.name}" name handlers the route table does not have: ${missing.join(', ')}`);
  return found;
}

/** An anchored regular expression matching exactly the concrete paths of these routes (`{param}` = one segment). */
export function pathPattern(routes: readonly Route[]): string {
  const one = (path: string) => path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return `^(${[...new Set(routes.map((r) => one(r.path)))].join('|')})$`;
}

/** A regular expression for a decimal Content-Length above `limit` (WAF compares text, not numbers). */
export function contentLengthAbove(limit: number): string {
  const digits = String(limit);
  const alternatives = [`[1-9][0-9]{${digits.length},}`];
  // Same number of digits: greater at the first position where it differs.
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    if (d === 9) continue;
    const rest = digits.length - i - 1;
    alternatives.push(`${digits.slice(0, i)}[${d + 1}-9][0-9]{${rest}}`);
  }
  return `^(${alternatives.join('|')})$`;
}
