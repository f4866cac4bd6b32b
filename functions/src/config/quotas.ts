import * as z from 'zod/mini';

/**
 * Every quota of the platform, in one place (issue #15, decision 0100). Each counts requests (or
 * bytes) per subject in a fixed window: a minute, an hour, or a calendar day in Beijing (a daily
 * quota starts again at 00:00 Beijing time). Over it, the request is refused with 429
 * `RATE_LIMITED`, a Chinese message and `Retry-After` (the seconds until the window ends).
 *
 * The limits are defaults a deployment may change without a release: `QUOTA_LIMITS` is a JSON
 * object of quota name → limit, e.g. `{"faceCheck.person": 50}`.
 */
export const QUOTAS = {
  /**
   * Documents to sign (`POST /v1/documents`), per person and per company they act for. A person may
   * sign a batch of 1,000 a day (decision 0165), with room for single documents besides.
   */
  'upload.count.person': { limit: 2000, per: 'day', message: '您今日上传文件的次数已达上限，请明日再试' },
  'upload.bytes.person': { limit: 1024 * 1024 * 1024, per: 'day', message: '您今日上传文件的总量已达上限（1GB），请明日再试' },
  'upload.count.company': { limit: 20_000, per: 'day', message: '本单位今日上传文件的次数已达上限，请明日再试' },
  'upload.bytes.company': { limit: 10 * 1024 * 1024 * 1024, per: 'day', message: '本单位今日上传文件的总量已达上限，请明日再试' },
  /** Face-check starts: each is a paid WeChat face verification in production. */
  'faceCheck.person': { limit: 30, per: 'day', message: '您今日人脸核验的次数已达上限，请明日再试' },
  'faceCheck.company': { limit: 300, per: 'day', message: '本单位今日人脸核验的次数已达上限，请明日再试' },
  /** Login face checks, per WeChat account (not per person named: naming a victim must not use up their logins). */
  'faceCheck.login': { limit: 50, per: 'day', message: '该微信账号今日人脸核验的次数已达上限，请明日再试' },
  /** QR challenges of a logged-in desktop (signing, UKey), per person and company. */
  'challenge.person': { limit: 300, per: 'day', message: '您今日生成二维码的次数已达上限，请明日再试' },
  'challenge.company': { limit: 3000, per: 'day', message: '本单位今日生成二维码的次数已达上限，请明日再试' },
  /** QR login challenges (no login yet), per client address. */
  'challenge.login.ip': { limit: 20, per: 'minute', message: '二维码刷新过于频繁，请稍后再试' },
  /** Sign-in, per client address. */
  'login.ip': { limit: 30, per: 'minute', message: '登录过于频繁，请稍后再试' },
  'staffLogin.ip': { limit: 10, per: 'minute', message: '登录尝试过于频繁，请稍后再试' },
  /** UKey登录 challenges and sign-ins together, per client address (decision 0185). */
  'ukeyLogin.ip': { limit: 20, per: 'minute', message: 'UKey登录过于频繁，请稍后再试' },
  /** 免登录文档验证, per client address: inline verifications, and large-file uploads by count and bytes. */
  'verify.ip': { limit: 120, per: 'minute', message: '验证过于频繁，请稍后再试' },
  'verifyUpload.count.ip': { limit: 30, per: 'hour', message: '大文件验证过于频繁，请稍后再试' },
  'verifyUpload.bytes.ip': { limit: 500 * 1024 * 1024, per: 'hour', message: '上传验证的文件总量过大，请稍后再试' },
} as const satisfies Record<string, { limit: number; per: QuotaPeriod; message: string }>;

export type QuotaPeriod = 'minute' | 'hour' | 'day';
export type QuotaName = keyof typeof QUOTAS;

export const PERIOD_SECONDS: Record<QuotaPeriod, number> = { minute: 60, hour: 3600, day: 86_400 };

const Overrides = z.partialRecord(z.enum(Object.keys(QUOTAS) as [QuotaName, ...QuotaName[]]), z.number().check(z.int(), z.gte(1)));

let cached: { raw: string | undefined; limits: Record<QuotaName, number> } | undefined;

/** The limit of each quota: the default, or the deployment's `QUOTA_LIMITS`. A malformed value fails loudly at the first request. */
export function quotaLimits(env: NodeJS.ProcessEnv = process.env): Record<QuotaName, number> {
  const raw = env.QUOTA_LIMITS;
  if (cached && cached.raw === raw) return cached.limits;
  const overrides = raw ? z.parse(Overrides, JSON.parse(raw)) : {};
  const limits = Object.fromEntries(
    (Object.keys(QUOTAS) as QuotaName[]).map((name) => [name, overrides[name] ?? QUOTAS[name].limit]),
  ) as Record<QuotaName, number>;
  cached = { raw, limits };
  return limits;
}
