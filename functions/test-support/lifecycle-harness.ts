import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Action, SealAlgorithm, SealKind } from '@seal/shared';
import { startLocalStack, type LocalStack } from '../dev/local/stack';
import { getServices } from '../src/composition';
import type { Ports } from '../src/ports';
import { testTable } from '../src/adapters/dynamodb/test-table';
import { issueSessionToken } from '../src/domain/identity/session-token';
import { sessionSecret } from '../src/config/config';
import { faceTarget } from '../src/domain/identity/face-ticket';

/**
 * The life-cycle tests' arrange step: one local stack per test file (real handlers over HTTP,
 * DynamoDB Local, s3rver, local KMS), people and companies written straight into the table,
 * session tokens and passed face tickets minted the way the identity area mints them.
 */
export interface Harness {
  stack: LocalStack;
  services: Ports;
  /** Moves the clock every handler reads (`services.now`). */
  setNow(date: Date): void;
  stop(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'seal-lifecycle-'));
  const stack = await startLocalStack({ port: 0, dataDir, inMemoryDb: true });
  const services = getServices();
  return {
    stack,
    services,
    setNow(date) {
      services.now = () => new Date(date.getTime());
    },
    async stop() {
      await stack.stop();
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function addPerson(services: Ports, name: string): Promise<{ personId: string; token: string }> {
  const personId = `person-${randomUUID()}`;
  // As their own login leaves them: the name verified with the ID number (decision 0101).
  const at = services.now().toISOString();
  await services.store.people.create({ personId, name, idNumberMasked: '4403**********0012', nameVerifiedAt: at, sessionEpoch: 0, createdAt: at });
  const token = await issueSessionToken(sessionSecret(services.config), { personId, sessionId: randomUUID(), kind: 'phone', epoch: 0 }, services.now(), 24 * 3600 * 400 * 3);
  return { personId, token };
}

export async function addCompany(
  services: Ports,
  options: { companyId: string; legalRepPersonId: string; kinds?: SealKind[]; name?: string; algorithm?: SealAlgorithm },
): Promise<{ companyId: string; sealIds: string[] }> {
  const at = services.now().toISOString();
  const table = testTable(services.store);
  await table.put('company', {
    companyId: options.companyId,
    name: options.name ?? '深圳市测试科技有限公司',
    type: 'domestic',
    legalRepName: '张三',
    legalRepPersonId: options.legalRepPersonId,
    registeredOn: '2020-01-01',
  });
  const sealIds: string[] = [];
  for (const kind of options.kinds ?? ['contract']) {
    const sealId = `seal-${randomUUID()}`;
    await table.put('seal', {
      sealId,
      companyId: options.companyId,
      kind,
      name: kind === 'contract' ? '合同专用章' : kind,
      state: 'pending_claim',
      ...(options.algorithm ? { algorithm: options.algorithm } : {}),
      createdAt: at,
      updatedAt: at,
    });
    sealIds.push(sealId);
  }
  return { companyId: options.companyId, sealIds };
}

export async function grantHolder(services: Ports, options: { companyId: string; personId: string; sealIds: string[]; role?: 'seal_holder' | 'seal_administrator' }) {
  const grantId = `grant-${randomUUID()}`;
  // A grant is the grantee's under the name their own check verified: name them as they are.
  const grantee = await services.store.people.get(options.personId);
  if (!grantee) throw new Error(`grantHolder: no person ${options.personId}`);
  await testTable(services.store).put('grant', {
    companyId: options.companyId,
    grantId,
    granteeId: options.personId,
    granteeName: grantee.name,
    grantorId: 'person-lr',
    role: options.role ?? 'seal_holder',
    sealIds: options.sealIds,
    state: 'active',
    createdAt: services.now().toISOString(),
  });
  return grantId;
}

/** A face check that passed, for exactly this person, action and target (as the identity area issues them). */
export async function passedFaceTicket(services: Ports, personId: string, action: Action, target: { companyId?: string; sealIds?: string[] }): Promise<string> {
  const ticketId = `ft-${randomUUID()}`;
  const expiresAt = new Date(services.now().getTime() + 5 * 60 * 1000);
  await services.store.faceTickets.create({
    ticketId,
    personId,
    action,
    target: faceTarget(target),
    state: 'passed',
    expiresAt: expiresAt.toISOString(),
    ttl: Math.floor(expiresAt.getTime() / 1000) + 3600,
  });
  return ticketId;
}

// Response bodies are whatever the route answers; tests read the fields they assert.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function api<T = any>(stack: LocalStack, method: string, url: string, token?: string, body?: unknown): Promise<ApiAnswer<T>> {
  const res = await fetch(`${stack.url}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, body: (type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer())) as T };
}
