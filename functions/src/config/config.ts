import * as z from 'zod';

/**
 * Everything a function reads from its environment, validated once at cold start. Local runs set
 * the *_ENDPOINT variables to the emulators; in AWS they are absent and the SDK finds the services.
 */
const ConfigSchema = z.object({
  STAGE: z.enum(['local', 'dev', 'prod']).default('local'),
  AWS_REGION: z.string().default('cn-north-1'),
  TABLE_NAME: z.string().default('seal-platform'),
  DOCUMENTS_BUCKET: z.string().default('seal-documents'),
  DYNAMODB_ENDPOINT: z.string().url().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  KMS_ENDPOINT: z.string().url().optional(),
  /** Where people reach the platform (QR codes, CRL URL, download links). */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:8080'),
  /** HMAC key for session tokens (Secrets Manager in AWS). Local runs get a fixed dev key. */
  SESSION_SECRET: z.string().min(32).optional(),
  FACE_VERIFIER: z.enum(['simulated', 'wechat']).default('simulated'),
  KEY_CUSTODY: z.enum(['kms-envelope', 'kms-asymmetric']).default('kms-envelope'),
  /** Validity of a seal certificate, in whole years (decision 0012). */
  SEAL_CERTIFICATE_VALIDITY_YEARS: z.coerce.number().int().min(1).max(5).default(1),
  SERVICE_VERSION: z.string().default('0.1.0'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const config = ConfigSchema.parse(env);
  if (config.STAGE === 'prod' && !config.SESSION_SECRET) throw new Error('SESSION_SECRET is required in production');
  if (config.STAGE === 'prod' && config.FACE_VERIFIER === 'simulated') {
    throw new Error('the simulated face verifier cannot run in production');
  }
  return config;
}

/** Local and test runs only: a fixed key, refused in production by `loadConfig`. */
export const LOCAL_SESSION_SECRET = 'local-development-session-secret-not-for-production';

export function sessionSecret(config: Config): string {
  return config.SESSION_SECRET ?? LOCAL_SESSION_SECRET;
}
