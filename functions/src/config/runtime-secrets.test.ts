import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRuntimeSecrets } from './runtime-secrets';

// A stand-in for the Parameters and Secrets Lambda Extension on a port of this area's range.
const PORT = 47141;
const SECRETS: Record<string, string> = {
  'arn:aws:secretsmanager:cn-north-1:111122223333:secret:seal-platform/prod/session-signing-secret-AbCdEf': 'session-secret-from-secrets-manager-0123456789',
  'arn:aws:secretsmanager:cn-north-1:111122223333:secret:seal-platform/prod/person-id-key-GhIjKl': 'person-id-key-from-secrets-manager-0123456789',
};
const SESSION_ARN = Object.keys(SECRETS)[0]!;
const PERSON_ARN = Object.keys(SECRETS)[1]!;

let server: Server;
let requests: { secretId: string | null; headers: IncomingHttpHeaders }[] = [];
let failWith: number | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const secretId = url.searchParams.get('secretId');
    requests.push({ secretId, headers: req.headers });
    if (failWith) return void res.writeHead(failWith).end('AccessDeniedException: not authorized to perform secretsmanager:GetSecretValue');
    if (url.pathname !== '/secretsmanager/get' || req.headers['x-aws-parameters-secrets-token'] !== 'session-token' || !secretId || !SECRETS[secretId]) {
      return void res.writeHead(400).end('bad request');
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ARN: secretId, Name: 'x', SecretString: SECRETS[secretId], VersionId: 'v1' }));
  });
  await new Promise<void>((resolve) => server.listen(PORT, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  requests = [];
  failWith = undefined;
});

const baseUrl = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const deployed = (): NodeJS.ProcessEnv => ({ STAGE: 'prod', AWS_SESSION_TOKEN: 'session-token', SESSION_SECRET_ARN: SESSION_ARN, PERSON_ID_KEY_ARN: PERSON_ARN });

describe('loadRuntimeSecrets', () => {
  it('fetches every secret named by an ARN from the extension, with the session token, and sets its value', async () => {
    const env = deployed();
    await loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() });
    expect(env.SESSION_SECRET).toBe(SECRETS[SESSION_ARN]);
    expect(env.PERSON_ID_KEY).toBe(SECRETS[PERSON_ARN]);
    expect(env.WECHAT_APP_SECRET).toBeUndefined();
    expect(requests.map((r) => r.secretId).sort()).toEqual([SESSION_ARN, PERSON_ARN].sort());
    for (const r of requests) expect(r.headers['x-aws-parameters-secrets-token']).toBe('session-token');
  });

  it('finds the extension on the port CDK configures', async () => {
    const env: NodeJS.ProcessEnv = { ...deployed(), PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(PORT) };
    await loadRuntimeSecrets(env);
    expect(env.SESSION_SECRET).toBe(SECRETS[SESSION_ARN]);
  });

  it('asks for nothing when the values are already in the environment (local runs, tests)', async () => {
    const env: NodeJS.ProcessEnv = { ...deployed(), SESSION_SECRET: 'local-value-0123456789-0123456789', PERSON_ID_KEY: 'local-key-0123456789-0123456789-01' };
    await loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() });
    await loadRuntimeSecrets({ STAGE: 'local' }, fetch, { baseUrl: baseUrl() });
    expect(requests).toEqual([]);
    expect(env.SESSION_SECRET).toBe('local-value-0123456789-0123456789');
  });

  it('loads once per process however many invocations ask', async () => {
    const env = deployed();
    await Promise.all([loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() }), loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() })]);
    await loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() });
    expect(requests).toHaveLength(2);
  });

  it('refuses to start with a clear error when the extension answers with an error, and tries again next time', async () => {
    const env = deployed();
    failWith = 403;
    await expect(loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() })).rejects.toThrow(/cannot read (SESSION_SECRET|PERSON_ID_KEY) .*HTTP 403 AccessDeniedException/);
    expect(env.SESSION_SECRET).toBeUndefined();
    failWith = 500;
    await expect(loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() })).rejects.toThrow(/HTTP 500/);
    failWith = undefined;
    await loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() });
    expect(env.SESSION_SECRET).toBe(SECRETS[SESSION_ARN]);
  });

  it('says which secret it could not read when the extension is not there', async () => {
    const env: NodeJS.ProcessEnv = { ...deployed(), PERSON_ID_KEY_ARN: undefined };
    await expect(loadRuntimeSecrets(env, fetch, { baseUrl: 'http://127.0.0.1:47142' })).rejects.toThrow(/cannot read SESSION_SECRET from the secrets extension/);
  });

  it('needs the session token to ask', async () => {
    const env: NodeJS.ProcessEnv = { ...deployed(), AWS_SESSION_TOKEN: undefined };
    await expect(loadRuntimeSecrets(env, fetch, { baseUrl: baseUrl() })).rejects.toThrow(/AWS_SESSION_TOKEN/);
    expect(requests).toEqual([]);
  });
});
