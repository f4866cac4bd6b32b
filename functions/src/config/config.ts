import * as z from 'zod/mini';
import { clockOffsetDays, LOCAL_CLOCK_OFFSET } from './clock';

/**
 * Everything a function reads from its environment, validated once at cold start. Local runs set
 * the *_ENDPOINT variables to the emulators; in AWS they are absent and the SDK finds the services.
 */
const ConfigSchema = z.object({
  STAGE: z._default(z.enum(['local', 'dev', 'prod']), 'local'),
  AWS_REGION: z._default(z.string(), 'cn-north-1'),
  TABLE_NAME: z._default(z.string(), 'seal-platform'),
  DOCUMENTS_BUCKET: z._default(z.string(), 'seal-documents'),
  DYNAMODB_ENDPOINT: z.optional(z.url()),
  S3_ENDPOINT: z.optional(z.url()),
  KMS_ENDPOINT: z.optional(z.url()),
  /**
   * Where people reach the platform (QR codes, download links) and where relying parties fetch the
   * CRL and ask the OCSP responder: written into every certificate, so never a loopback address in
   * production (refused below).
   */
  PUBLIC_BASE_URL: z._default(z.url(), 'http://localhost:8080'),
  /** HMAC key for session tokens (Secrets Manager in AWS). Local runs get a fixed dev key. */
  SESSION_SECRET: z.optional(z.string().check(z.minLength(32))),
  /** Set in AWS behind CloudFront: the header value CloudFront adds to every request (http/edge.ts). */
  ORIGIN_VERIFY_SECRET: z.optional(z.string().check(z.minLength(32))),
  FACE_VERIFIER: z._default(z.enum(['simulated', 'wechat']), 'simulated'),
  KEY_CUSTODY: z._default(z.enum(['kms-envelope', 'kms-asymmetric']), 'kms-envelope'),
  /**
   * Where the platform's SM2 keys live (decision 0076): KMS SM2 keys (AWS China regions) or derived
   * from a KMS HMAC key (elsewhere). Unset: by the region.
   */
  PLATFORM_SM2_KEYS: z.optional(z.enum(['kms-asymmetric', 'kms-hmac-derived'])),
  /** Validity of a seal certificate, in whole years (decision 0012). */
  SEAL_CERTIFICATE_VALIDITY_YEARS: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(5)), 1),
  /**
   * The PAdES level of the platform's PDF signatures (decision 0111): B-T (signature + timestamp) or
   * B-LT (also the certificates, CRL and OCSP responses in a DSS, so the signature verifies offline) or
   * B-LTA (also a document timestamp over all of it, the start of an archive's timestamp chain).
   */
  SIGNATURE_LEVEL: z._default(z.enum(['B-T', 'B-LT', 'B-LTA']), 'B-LT'),
  SERVICE_VERSION: z._default(z.string(), '0.1.0'),
  /**
   * WeChat subscribe-message template ids by group, JSON: `{"grant":"…","application":"…","seal":"…"}`
   * (the templates chosen in the mini-program's console; not secret). Absent: no WeChat messages.
   */
  WECHAT_SUBSCRIBE_TEMPLATES: z.optional(
    z.string().check(
      z.refine(
        (s) => {
          try {
            const v: unknown = JSON.parse(s);
            return typeof v === 'object' && v !== null && !Array.isArray(v);
          } catch {
            return false;
          }
        },
        { error: 'WECHAT_SUBSCRIBE_TEMPLATES must be a JSON object' },
      ),
    ),
  ),
  /** `developer` / `trial` / `formal`: which build a subscribe message opens (formal in production). */
  WECHAT_MINIPROGRAM_STATE: z._default(z.enum(['developer', 'trial', 'formal']), 'formal'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = ConfigSchema.parse(env);
  if (config.STAGE === 'prod' && !config.SESSION_SECRET) throw new Error('SESSION_SECRET is required in production');
  // The clock override ages certificates in local runs only (decision 0107); a bad value fails at start.
  clockOffsetDays(env);
  if (config.STAGE === 'prod' && env[LOCAL_CLOCK_OFFSET]) throw new Error(`${LOCAL_CLOCK_OFFSET} cannot be set in production`);
  if (config.STAGE === 'prod' && isLoopback(config.PUBLIC_BASE_URL)) {
    throw new Error(`PUBLIC_BASE_URL must be the platform's public address in production, not ${config.PUBLIC_BASE_URL}: it goes into every certificate`);
  }
  if (config.STAGE === 'prod' && config.FACE_VERIFIER === 'simulated') {
    throw new Error('the simulated face verifier cannot run in production');
  }
  return config;
}

/** localhost, *.localhost, 127.0.0.0/8, ::1, 0.0.0.0: addresses no relying party can reach. */
function isLoopback(url: string): boolean {
  // URL gives IPv6 in brackets and IPv4-mapped loopback as ::ffff:7fxx:xxxx; a trailing dot names the same host.
  const host = new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  return host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host) || host === '::1' || /^::ffff:7f/.test(host) || host === '0.0.0.0';
}

/** Local and test runs only: a fixed key, refused in production by `loadConfig`. */
export const LOCAL_SESSION_SECRET = 'local-development-session-secret-not-for-production';

export function sessionSecret(config: Config): string {
  return config.SESSION_SECRET ?? LOCAL_SESSION_SECRET;
}
