import { randomUUID } from 'node:crypto';
import { ACTIONS, type Action, type ErrorCode, type Role } from '@seal/shared';
import type { SealStore } from '../src/ports/seal-store';
import { testTable } from '../src/adapters/dynamodb/test-table';
import { FACE_TICKET_TTL_SECONDS, faceTarget } from '../src/domain/identity/face-ticket';
import { createGrant } from '../src/domain/grant/create-grant';
import { linkPendingEvents } from '../src/domain/audit/chain-trail';
import { getServices } from '../src/composition';
import { loginAs, startTestStack, seedCompany, seedPerson, staffLogin, type ApiResponse, type TestStack } from './identity-stack';

/**
 * The permission matrix, driven through the real handlers: every role × every action that has a
 * row. A row prepares what its action needs, acts as the role, and says how to observe the state
 * the action would change. The harness expects exactly the roles `ACTIONS[action].roles` names to
 * succeed; everyone else gets 403 NOT_AUTHORIZED (401 without a session) and changes nothing
 * (the row's observed state and the company's audit chain stay as they were).
 *
 * Rows live in `matrix-rows/<area>.ts`; each matrix test file runs one area's rows on its own stack
 * (files run in parallel), and `permission-matrix.coverage.test.ts` checks every action has a row or
 * is listed as not reachable by a person. `world` gives a company with two seals, spare seals for
 * actions that use a seal up, one identity per role and their tokens. `MATRIX_DEBUG=1` prints every
 * outcome (status, code, unchanged) as the cases run.
 */
export const MATRIX_ROLES = [
  'legal_representative',
  'seal_administrator',
  'seal_holder',
  /** Holder of seal B of the same company: no role on seal A. */
  'other_holder',
  /** Legal representative of another company. */
  'stranger',
  'window_staff',
  'anyone',
] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** What a row's action is about: seal A (or a spare covered by the same grants), the company, or nothing. */
export type Scope = 'seal' | 'company' | 'platform';

/**
 * The roles each test identity holds, written out by hand (not derived with `rolesOn`), per scope.
 * A staff session is refused by every `session` route: staff act on applications only.
 */
const HELD: Record<MatrixRole, Record<Scope, Role[]>> = {
  legal_representative: {
    seal: ['legal_representative', 'person', 'anyone'],
    company: ['legal_representative', 'person', 'anyone'],
    platform: ['person', 'anyone'],
  },
  seal_administrator: {
    seal: ['seal_administrator', 'person', 'anyone'],
    company: ['seal_administrator', 'person', 'anyone'],
    platform: ['person', 'anyone'],
  },
  seal_holder: { seal: ['seal_holder', 'person', 'anyone'], company: ['seal_holder', 'person', 'anyone'], platform: ['person', 'anyone'] },
  // A grant on another seal of the company makes a holder of the company, not of seal A.
  other_holder: { seal: ['person', 'anyone'], company: ['seal_holder', 'person', 'anyone'], platform: ['person', 'anyone'] },
  stranger: { seal: ['person', 'anyone'], company: ['person', 'anyone'], platform: ['person', 'anyone'] },
  window_staff: { seal: ['window_staff', 'anyone'], company: ['window_staff', 'anyone'], platform: ['window_staff', 'anyone'] },
  anyone: { seal: ['anyone'], company: ['anyone'], platform: ['anyone'] },
};

const IDENTITY_KEYS: Partial<Record<MatrixRole, string>> = {
  legal_representative: 'lr-xinghe',
  seal_administrator: 'admin',
  seal_holder: 'holder',
  other_holder: 'holder-2',
  stranger: 'lr-huamei',
};

/** A person who plays no role in the world: grants made by the rows go to them. */
export const BYSTANDER_KEY = 'stranger';

export interface MatrixWorld {
  t: TestStack;
  store: SealStore;
  companyId: string;
  /** The seal the administrator's and holder's grants cover. */
  sealA: string;
  /** Covered by the other holder's grant only. */
  sealB: string;
  tokens: Record<MatrixRole, string | undefined>;
  personIds: Record<MatrixRole, string | undefined>;
  /** A passed face ticket for (person, action, target), as if the face check had just been passed. */
  mintFaceTicket(personId: string, action: Action, target: string): Promise<string>;
  /** A passed face ticket for the role (a dummy id for no one), target as `faceTarget` writes it. */
  ticketFor(role: MatrixRole, action: Action, target: { companyId?: string; sealIds?: string[]; challengeId?: string }): Promise<string>;
  /** A fresh seal covered by the administrator's and holder's grants like seal A, put in `state`. */
  spareSeal(state?: SealState): Promise<string>;
  /** The role claims the seal through the real API (face ticket, PIN twice); throws unless it worked. */
  claim(role: MatrixRole, sealId: string, pin?: string): Promise<void>;
}

/** The PIN `claim` sets unless told otherwise. */
export const MATRIX_PIN = '135790';

type SealState = 'pending_claim' | 'active' | 'frozen' | 'renewal_due' | 'expired';

export interface MatrixRow<C = unknown> {
  action: Action;
  /** Which route takes the action, when several rows test one action (shown in the test name). */
  via?: string;
  /** What the attempt acts on; defaults from `ACTIONS[action].target`. */
  scope?: Scope;
  /** Roles for which this row cannot be run (say why in a comment where the row is written). */
  skip?: readonly MatrixRole[];
  /**
   * A refusal other than 403 NOT_AUTHORIZED, for the signed-in people the matrix refuses (say why
   * where the row is written). `all: true` also for no login and window staff (system-only routes).
   */
  refusal?: { status: number; code: ErrorCode; all?: boolean };
  /** Arrange, as the privileged parties, whatever the attempt needs (a grant to cancel, a QR challenge...). */
  prepare?(w: MatrixWorld, role: MatrixRole): Promise<C>;
  act(w: MatrixWorld, role: MatrixRole, ctx: C): Promise<ApiResponse>;
  /** The state the action would change; must be equal before and after a refused attempt. */
  observe?(w: MatrixWorld, ctx: C): Promise<unknown>;
  /** Checked after an allowed attempt, e.g. the grant now exists. */
  succeeded?(res: ApiResponse, role: MatrixRole, w: MatrixWorld, ctx: C): void | Promise<void>;
}

export function scopeOf(row: Pick<MatrixRow, 'action' | 'scope'>): Scope {
  if (row.scope) return row.scope;
  const target = ACTIONS[row.action].target;
  return target === 'seals' ? 'seal' : target;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
export type AnyRow = MatrixRow<any>;

export function expectedAllowed(action: Action, role: MatrixRole, scope: Scope = scopeOf({ action })): boolean {
  return (ACTIONS[action].roles as readonly Role[]).some((r) => HELD[role][scope].includes(r));
}

/** One local stack per matrix test file, on free ports. */
export function startMatrixStack(): Promise<TestStack> {
  return startTestStack('matrix');
}

async function createSeal(store: SealStore, companyId: string, kind: 'contract' | 'finance', state: SealState = 'active') {
  const sealId = `seal-${randomUUID()}`;
  const now = new Date().toISOString();
  await testTable(store).put('seal', { sealId, companyId, kind, name: kind === 'contract' ? '合同专用章' : '财务专用章', state, createdAt: now, updatedAt: now });
  return sealId;
}

/** The world: seal A (+ `spares` more) granted to the administrator and holder, seal B to the other holder. */
export async function buildWorld(t: TestStack, options: { spares?: number } = {}): Promise<MatrixWorld> {
  const { store } = getServices();
  const company = seedCompany('lr-xinghe');
  const companyId = company.creditCode;
  const sealA = await createSeal(store, companyId, 'contract');
  const sealB = await createSeal(store, companyId, 'finance');
  const spares = await Promise.all(Array.from({ length: options.spares ?? 0 }, () => createSeal(store, companyId, 'contract')));
  const lr = seedPerson('lr-xinghe');
  for (const [key, role, sealIds] of [
    ['admin', 'seal_administrator', [sealA, ...spares]],
    ['holder', 'seal_holder', [sealA, ...spares]],
    ['holder-2', 'seal_holder', [sealB]],
  ] as const) {
    await createGrant(store, {
      companyId,
      role,
      sealIds: [...sealIds],
      grantee: seedPerson(key),
      grantorId: lr.personId,
      as: 'legal_representative',
      now: new Date(),
    });
  }
  const tokens = {} as Record<MatrixRole, string | undefined>;
  const personIds = {} as Record<MatrixRole, string | undefined>;
  for (const role of MATRIX_ROLES) {
    const key = IDENTITY_KEYS[role];
    tokens[role] = key ? await loginAs(t.api, key) : role === 'window_staff' ? await staffLogin(t.api) : undefined;
    personIds[role] = key ? seedPerson(key).personId : role === 'window_staff' ? 'staff_window01' : undefined;
  }
  const world: MatrixWorld = {
    t,
    store,
    companyId,
    sealA,
    sealB,
    tokens,
    personIds,
    async mintFaceTicket(personId, action, target) {
      const ticketId = `ft_${randomUUID().replace(/-/g, '')}`;
      const expiresAt = new Date(getServices().now().getTime() + FACE_TICKET_TTL_SECONDS * 1000);
      await store.faceTickets.create({
        ticketId,
        personId,
        action,
        target,
        state: 'passed',
        expiresAt: expiresAt.toISOString(),
        ttl: Math.floor(expiresAt.getTime() / 1000),
      });
      return ticketId;
    },
    async ticketFor(role, action, target) {
      const personId = personIds[role];
      if (!personId) return 'ft_nobody_nobody_nobody';
      return world.mintFaceTicket(personId, action, target.challengeId ? `challenge:${target.challengeId}` : faceTarget(target));
    },
    async spareSeal(state = 'active') {
      const sealId = spares.shift();
      if (!sealId) throw new Error('buildWorld: not enough spare seals');
      if (state !== 'active') await testTable(store).set('seal', { sealId }, { state, version: 2 });
      return sealId;
    },
    async claim(role, sealId, pin = MATRIX_PIN) {
      const faceTicket = await world.ticketFor(role, 'seal.claim', { sealIds: [sealId] });
      const res = await t.api('POST', `/v1/seals/${sealId}/claim`, { token: tokens[role], body: { faceTicket, pin, pinConfirm: pin } });
      if (res.status !== 201) throw new Error(`claim as ${role}: ${res.status} ${JSON.stringify(res.body)}`);
    },
  };
  return world;
}

async function auditHead(w: MatrixWorld): Promise<number> {
  return (await linkPendingEvents(w.store, w.companyId)).seq;
}

export interface MatrixOutcome {
  action: Action;
  role: MatrixRole;
  expected: 'allowed' | 'refused';
  status: number;
  code?: string;
  unchanged: boolean;
}

/** Runs one row for one role and reports what happened (the test asserts on it). */
export async function attempt(w: MatrixWorld, row: MatrixRow, role: MatrixRole): Promise<MatrixOutcome> {
  const ctx = row.prepare ? await row.prepare(w, role) : undefined;
  const before = [await auditHead(w), row.observe ? await row.observe(w, ctx) : null];
  const res = await row.act(w, role, ctx);
  const after = [await auditHead(w), row.observe ? await row.observe(w, ctx) : null];
  const allowed = expectedAllowed(row.action, role, scopeOf(row));
  if (allowed && res.status < 300) await row.succeeded?.(res, role, w, ctx);
  return {
    action: row.action,
    role,
    expected: allowed ? 'allowed' : 'refused',
    status: res.status,
    code: res.body?.code,
    unchanged: JSON.stringify(before) === JSON.stringify(after),
  };
}

/** The outcome a correct handler produces for this row and role. */
export function correctOutcome(row: MatrixRow, role: MatrixRole): Partial<MatrixOutcome> {
  if (expectedAllowed(row.action, role, scopeOf(row))) return { expected: 'allowed' };
  const person = role !== 'anyone' && role !== 'window_staff';
  if (row.refusal && (row.refusal.all || person))
    return { expected: 'refused', status: row.refusal.status, code: row.refusal.code, unchanged: true };
  return role === 'anyone'
    ? { expected: 'refused', status: 401, code: 'UNAUTHENTICATED', unchanged: true }
    : { expected: 'refused', status: 403, code: 'NOT_AUTHORIZED', unchanged: true };
}

/** The `it.each` table of a list of rows. */
export function casesOf(rows: readonly AnyRow[]) {
  return rows.flatMap((row) =>
    MATRIX_ROLES.filter((role) => !row.skip?.includes(role)).map(
      (role) => [row.via ? `${row.action} (${row.via})` : row.action, role, row] as const,
    ),
  );
}

/** What each case asserts: allowed → 2xx; refused → the refusal and nothing changed. */
export async function checkCase(w: MatrixWorld, row: MatrixRow, role: MatrixRole, expectFn: typeof expect): Promise<void> {
  const outcome = await attempt(w, row, role);
  const want = correctOutcome(row, role);
  if (process.env.MATRIX_DEBUG) process.stdout.write(`OUTCOME ${JSON.stringify(outcome)}\n`);
  if (want.expected === 'allowed') {
    expectFn(outcome.status < 300 ? 'succeeded' : `${outcome.status} ${outcome.code}`).toBe('succeeded');
  } else {
    expectFn({ status: outcome.status, code: outcome.code, unchanged: outcome.unchanged }).toEqual({
      status: want.status,
      code: want.code,
      unchanged: true,
    });
  }
}

/**
 * A matrix test file: one stack and world for `rows`, one case per (row, role), and a check that
 * every row has both allowed and refused roles (a row nobody may take, or everyone, tests nothing).
 */
export function runMatrix(title: string, rows: readonly AnyRow[], options: { spares?: number } = {}): void {
  let t: TestStack | undefined;
  let w: MatrixWorld;
  beforeAll(async () => {
    t = await startMatrixStack();
    w = await buildWorld(t, { spares: options.spares });
  }, 120_000);
  afterAll(() => t?.stop());

  describe(title, () => {
    it.each(casesOf(rows))('%s as %s', async (_action, role, row) => {
      await checkCase(w, row, role, expect);
    });

    it('has allowed and refused roles in every row (system-only rows: none allowed; public ones: none refused)', () => {
      for (const row of rows) {
        const roles = MATRIX_ROLES.filter((r) => !row.skip?.includes(r));
        const systemOnly = Boolean(row.refusal?.all);
        const isPublic = (ACTIONS[row.action].roles as readonly Role[]).includes('anyone');
        expect({ action: row.action, allowed: roles.some((r) => expectedAllowed(row.action, r, scopeOf(row))) }).toEqual({
          action: row.action,
          allowed: !systemOnly,
        });
        expect({ action: row.action, refused: roles.some((r) => !expectedAllowed(row.action, r, scopeOf(row))) }).toEqual({
          action: row.action,
          refused: !isPublic,
        });
      }
    });
  });
}
