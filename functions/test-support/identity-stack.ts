import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startLocalStack, type LocalStack } from '../dev/local/stack';
import { getServices } from '../src/composition';
import { readRegistrySeed } from '../src/adapters/registry/seed';
import { personIdFor } from '../src/domain/identity/person-id';

/** The local stack for API tests, on free ports, so test files (and other runs) can run side by side. */
export interface TestStack {
  stack: LocalStack;
  api: Api;
  /** Moves the clock every handler reads (services.now). */
  setNow(date: Date | undefined): void;
  stop(): Promise<void>;
}

export interface ApiResponse {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export type Api = (
  method: string,
  path: string,
  options?: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: string },
) => Promise<ApiResponse>;

export function apiClient(url: string): Api {
  return async (method, p, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (body === undefined && options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${url}${p}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}

export async function startTestStack(name = 'identity'): Promise<TestStack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `seal-${name}-`));
  process.env.STAGE = 'local';
  // Free ports: a fixed one could be held by another run on the machine, whose stack would answer.
  const stack = await startLocalStack({ port: 0, dataDir, inMemoryDb: true });
  const realNow = getServices().now;
  return {
    stack,
    api: apiClient(stack.url),
    setNow(date) {
      getServices().now = date ? () => date : realNow;
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A seed person by key (`lr-xinghe`, `admin`, `holder`, `stranger`...). */
export function seedPerson(key: string) {
  const p = readRegistrySeed().people.find((x) => x.key === key);
  if (!p) throw new Error(`no seed person ${key}`);
  return { ...p, personId: personIdFor(p.idNumber) };
}

export function seedCompany(legalRepKey: string) {
  const c = readRegistrySeed().companies.find((x) => x.legalRep.key === legalRepKey);
  if (!c) throw new Error(`no seed company of ${legalRepKey}`);
  return c;
}

/** Phone login of a seed person through the real API (simulated WeChat and face check). */
export async function loginAs(api: Api, key: string): Promise<string> {
  const person = seedPerson(key);
  const start = await api('POST', '/v1/login/wechat', { body: { code: `sim:${key}` } });
  if (start.status !== 201) throw new Error(`login start: ${JSON.stringify(start.body)}`);
  const { loginId, loginSecret, identity } = start.body;
  const face = await api('POST', `/v1/login/${loginId}/face-checks`, {
    body: { loginSecret, ...(identity ? {} : { name: person.name, idNumber: person.idNumber }) },
  });
  if (face.status !== 201) throw new Error(`login face check: ${JSON.stringify(face.body)}`);
  const result = await api('POST', `/v1/login/${loginId}/face-checks/${face.body.ticketId}/result`, {
    body: { loginSecret, passed: true },
  });
  if (result.status !== 200) throw new Error(`login face result: ${JSON.stringify(result.body)}`);
  const session = await api('POST', `/v1/login/${loginId}/session`, { body: { loginSecret, faceTicket: face.body.ticketId } });
  if (session.status !== 201) throw new Error(`login session: ${JSON.stringify(session.body)}`);
  return session.body.token;
}

/** A passed face ticket for (caller, action, target), through the real API. */
export async function passFaceCheck(
  api: Api,
  token: string,
  action: string,
  target: { companyId?: string; sealIds?: string[]; challengeId?: string },
): Promise<string> {
  const start = await api('POST', '/v1/face-checks', { token, body: { action, target } });
  if (start.status !== 201) throw new Error(`face check start ${start.status}: ${JSON.stringify(start.body)}`);
  const done = await api('POST', `/v1/face-checks/${start.body.ticketId}/result`, { token, body: { passed: true } });
  if (done.status !== 200) throw new Error(`face check result ${done.status}: ${JSON.stringify(done.body)}`);
  return start.body.ticketId;
}

export async function staffLogin(api: Api, username = 'window01', password = 'Window#2026a'): Promise<string> {
  const res = await api('POST', '/v1/staff/sessions', { body: { username, password } });
  if (res.status !== 201) throw new Error(`staff login: ${JSON.stringify(res.body)}`);
  return res.body.token;
}
