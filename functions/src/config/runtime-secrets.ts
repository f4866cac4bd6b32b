/**
 * Secret values reach a deployed function at run time, not through its configuration (decision
 * 0023): the stack gives it only the secrets' ARNs (`SESSION_SECRET_ARN`, ...), and the AWS
 * Parameters and Secrets Lambda Extension serves the values on localhost. The config modules
 * (config.ts, identity-config.ts) keep reading values from the environment; this fills them in
 * before they are read. Plain `fetch`: no Secrets Manager client in the bundles.
 */

/** Each secret's ARN variable and the value variable the config modules read. */
export const RUNTIME_SECRETS: Readonly<Record<string, string>> = {
  SESSION_SECRET_ARN: 'SESSION_SECRET',
  WECHAT_APP_SECRET_ARN: 'WECHAT_APP_SECRET',
  REGISTRY_HMAC_KEY_ARN: 'REGISTRY_HMAC_KEY',
  PERSON_ID_KEY_ARN: 'PERSON_ID_KEY',
  ORIGIN_VERIFY_SECRET_ARN: 'ORIGIN_VERIFY_SECRET',
};

/** The extension's default port; CDK sets PARAMETERS_SECRETS_EXTENSION_HTTP_PORT when it differs. */
export const EXTENSION_PORT = 2773;

export interface RuntimeSecretsOptions {
  /** Where the extension listens; `http://localhost:<PARAMETERS_SECRETS_EXTENSION_HTTP_PORT or 2773>` by default. */
  baseUrl?: string;
}

// One load per environment object, i.e. once per process for process.env (the extension caches too).
const loaded = new WeakMap<NodeJS.ProcessEnv, Promise<void>>();

/**
 * Fetches, in parallel, every secret whose ARN is set and whose value is not, and sets the value.
 * Locally and in tests the values (or no ARNs) are in the environment: nothing is requested. A
 * failed load throws and is forgotten, so the next invocation tries again rather than running
 * without the secret.
 */
export function loadRuntimeSecrets(env: NodeJS.ProcessEnv = process.env, fetchImpl: typeof fetch = fetch, options: RuntimeSecretsOptions = {}): Promise<void> {
  let pending = loaded.get(env);
  if (!pending) {
    pending = fetchMissing(env, fetchImpl, options.baseUrl ?? `http://localhost:${env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT ?? EXTENSION_PORT}`);
    loaded.set(env, pending);
    pending.catch(() => loaded.delete(env));
  }
  return pending;
}

async function fetchMissing(env: NodeJS.ProcessEnv, fetchImpl: typeof fetch, baseUrl: string): Promise<void> {
  const missing = Object.entries(RUNTIME_SECRETS).filter(([arn, value]) => env[arn] && !env[value]);
  if (missing.length === 0) return;
  const token = env.AWS_SESSION_TOKEN;
  if (!token) throw new Error(`cannot read ${missing.map(([, value]) => value).join(', ')}: AWS_SESSION_TOKEN is not set (the secrets extension needs it)`);
  const values = await Promise.all(missing.map(([arn, value]) => fetchSecret(fetchImpl, baseUrl, token, value, env[arn]!)));
  missing.forEach(([, value], i) => (env[value] = values[i]));
}

async function fetchSecret(fetchImpl: typeof fetch, baseUrl: string, token: string, name: string, secretId: string): Promise<string> {
  const url = `${baseUrl}/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { headers: { 'X-Aws-Parameters-Secrets-Token': token } });
  } catch (error) {
    throw new Error(`cannot read ${name} from the secrets extension at ${baseUrl}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 200);
    throw new Error(`cannot read ${name} (${secretId}) from the secrets extension: HTTP ${response.status} ${detail}`.trim());
  }
  const body = (await response.json()) as { SecretString?: unknown };
  if (typeof body.SecretString !== 'string' || body.SecretString === '') throw new Error(`secret ${name} (${secretId}) has no SecretString`);
  return body.SecretString;
}
