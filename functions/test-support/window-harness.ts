import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Action } from '@seal/shared';
import { startLocalStack, type LocalStack } from '../dev/local/stack';
import { getServices } from '../src/composition';
import { issueSessionToken, type SessionKind } from '../src/domain/identity/session-token';
import { sessionSecret } from '../src/config/config';
import { personIdFor } from '../src/domain/identity/person-id';
import { faceTarget } from '../src/domain/identity/face-ticket';
import { loadRegistrySeed } from '../dev/local/hooks/registry-seed-hook';
import { readRegistrySeed } from '../src/adapters/registry/seed';
import { starterSealsHook } from '../dev/local/hooks/starter-seals-hook';
import { apiClient, loginAs } from './identity-stack';

/**
 * One local stack per test file (on free ports), the local registry
 * seeded, sessions for the seed's people (logged in through the real phone login once each, so the
 * platform holds their ID number as the 电子营业执照 step needs) and window staff, and passed face
 * tickets (the face-check flow belongs to the identity area; tests arrange its outcome directly).
 */
export interface WindowHarness {
  stack: LocalStack;
  person(key: string): { personId: string; name: string; idNumber: string; phone: string };
  company(name: string): string;
  token(key: string): Promise<string>;
  staffToken(username?: string): Promise<string>;
  faceTicket(key: string, action: Action, target: { companyId?: string; sealIds?: string[] }): Promise<string>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a response's JSON, read by each test as it expects
  call(method: string, url: string, token?: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; bytes: Buffer }>;
  stop(): Promise<void>;
}

export async function startWindowHarness(): Promise<WindowHarness> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-window-'));
  const stack = await startLocalStack({ port: 0, dataDir, inMemoryDb: true });
  const services = getServices();
  await loadRegistrySeed(services);
  await starterSealsHook.run(services, { dataDir });
  const seed = readRegistrySeed();
  const person = (key: string) => {
    const p = seed.people.find((x) => x.key === key);
    if (!p) throw new Error(`no seed person ${key}`);
    return { personId: personIdFor(p.idNumber), name: p.name, idNumber: p.idNumber, phone: p.phone };
  };
  const phoneSessions = new Map<string, Promise<string>>();
  const session = (personId: string, kind: SessionKind) =>
    issueSessionToken(sessionSecret(services.config), { personId, sessionId: randomUUID(), kind, epoch: 0 }, new Date());
  return {
    stack,
    person,
    company: (name) => {
      const c = seed.companies.find((x) => x.name.includes(name));
      if (!c) throw new Error(`no seed company ${name}`);
      return c.creditCode;
    },
    token(key) {
      let token = phoneSessions.get(key);
      if (!token) phoneSessions.set(key, (token = loginAs(apiClient(stack.url), key)));
      return token;
    },
    staffToken: (username = 'window01') => session(`staff_${username}`, 'staff'),
    async faceTicket(key, action, target) {
      const ticketId = `ft-${randomUUID()}`;
      const expires = new Date(Date.now() + 5 * 60_000);
      await services.store.faceTickets.create({
        ticketId,
        personId: person(key).personId,
        action,
        target: faceTarget(target),
        state: 'passed',
        expiresAt: expires.toISOString(),
        ttl: Math.floor(expires.getTime() / 1000),
      });
      return ticketId;
    },
    async call(method, url, token, body, headers = {}) {
      const res = await fetch(`${stack.url}${url}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      return { status: res.status, body: type.includes('json') ? JSON.parse(bytes.toString('utf8')) : undefined, bytes };
    },
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
