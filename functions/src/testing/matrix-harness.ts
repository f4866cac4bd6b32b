import { randomUUID } from 'node:crypto';
import { ACTIONS, type Action, type Role } from '@seal/shared';
import type { SealService } from '../store/service';
import { FACE_TICKET_TTL_SECONDS } from '../identity/face-ticket';
import { createGrant } from '../grants/create-grant';
import { getServices } from '../services';
import { loginAs, seedCompany, seedPerson, staffLogin, type ApiResponse, type TestStack } from './identity-stack';

/**
 * The permission matrix, driven through the real handlers: every role × every action that has a
 * row. A row prepares what its action needs, acts as the role, and says how to observe the state
 * the action would change. The harness expects exactly the roles `ACTIONS[action].roles` names to
 * succeed; everyone else gets 403 NOT_AUTHORIZED (401 without a session) and changes nothing
 * (the row's observed state and the company's audit chain stay as they were).
 *
 * To add your actions: append `MatrixRow`s (see `identityRows` in the matrix test) and pass them to
 * `runMatrix`. `world` gives a company with two seals, one identity per role and their tokens.
 */
export const MATRIX_ROLES = ['legal_representative', 'seal_administrator', 'seal_holder', 'person', 'window_staff', 'anyone'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

/** The roles each test identity holds on seal A of the world's company, written out by hand. */
const HELD: Record<MatrixRole, Role[]> = {
  legal_representative: ['legal_representative', 'person', 'anyone'],
  seal_administrator: ['seal_administrator', 'person', 'anyone'],
  seal_holder: ['seal_holder', 'person', 'anyone'],
  person: ['person', 'anyone'],
  // A staff session is refused by every `session` route: staff act on applications only.
  window_staff: ['window_staff', 'anyone'],
  anyone: ['anyone'],
};

export interface MatrixWorld {
  t: TestStack;
  db: SealService;
  companyId: string;
  /** The seal the administrator's and holder's grants cover. */
  sealA: string;
  /** A seal of the same company nobody was granted. */
  sealB: string;
  tokens: Record<MatrixRole, string | undefined>;
  personIds: Record<MatrixRole, string | undefined>;
  /** A passed face ticket for (person, action, target), as if the face check had just been passed. */
  mintFaceTicket(personId: string, action: Action, target: string): Promise<string>;
}

export interface MatrixRow<C = unknown> {
  action: Action;
  /** Roles for which this row cannot be run (say why in a comment where the row is written). */
  skip?: readonly MatrixRole[];
  /** Arrange, as the privileged parties, whatever the attempt needs (a grant to cancel, a QR challenge...). */
  prepare?(w: MatrixWorld): Promise<C>;
  act(w: MatrixWorld, role: MatrixRole, ctx: C): Promise<ApiResponse>;
  /** The state the action would change; must be equal before and after a refused attempt. */
  observe?(w: MatrixWorld, ctx: C): Promise<unknown>;
  /** Checked after an allowed attempt, e.g. the grant now exists. */
  succeeded?(res: ApiResponse): void;
}

export function expectedAllowed(action: Action, role: MatrixRole): boolean {
  return (ACTIONS[action].roles as readonly Role[]).some((r) => HELD[role].includes(r));
}

export async function buildWorld(t: TestStack): Promise<MatrixWorld> {
  const db = getServices().db;
  const company = seedCompany('lr-xinghe');
  const now = new Date().toISOString();
  const [sealA, sealB] = [`seal-${randomUUID()}`, `seal-${randomUUID()}`];
  for (const [sealId, kind] of [
    [sealA, 'contract'],
    [sealB, 'finance'],
  ] as const) {
    await db.entities.seal
      .create({ sealId, companyId: company.creditCode, kind, name: kind, state: 'active', createdAt: now, updatedAt: now })
      .go();
  }
  const lr = seedPerson('lr-xinghe');
  for (const [key, role] of [
    ['admin', 'seal_administrator'],
    ['holder', 'seal_holder'],
  ] as const) {
    const p = seedPerson(key);
    await createGrant(db, {
      companyId: company.creditCode,
      role,
      sealIds: [sealA],
      grantee: p,
      grantorId: lr.personId,
      as: 'legal_representative',
      now: new Date(),
    });
  }
  const keys: Partial<Record<MatrixRole, string>> = {
    legal_representative: 'lr-xinghe',
    seal_administrator: 'admin',
    seal_holder: 'holder',
    person: 'stranger',
  };
  const tokens = {} as Record<MatrixRole, string | undefined>;
  const personIds = {} as Record<MatrixRole, string | undefined>;
  for (const role of MATRIX_ROLES) {
    const key = keys[role];
    tokens[role] = key ? await loginAs(t.api, key) : role === 'window_staff' ? await staffLogin(t.api) : undefined;
    personIds[role] = key ? seedPerson(key).personId : role === 'window_staff' ? 'staff_window01' : undefined;
  }
  return {
    t,
    db,
    companyId: company.creditCode,
    sealA,
    sealB,
    tokens,
    personIds,
    async mintFaceTicket(personId, action, target) {
      const ticketId = `ft_${randomUUID().replace(/-/g, '')}`;
      const expiresAt = new Date(getServices().now().getTime() + FACE_TICKET_TTL_SECONDS * 1000);
      await db.entities.faceTicket
        .create({
          ticketId,
          personId,
          action,
          target,
          state: 'passed',
          expiresAt: expiresAt.toISOString(),
          ttl: Math.floor(expiresAt.getTime() / 1000),
        })
        .go();
      return ticketId;
    },
  };
}

async function auditHead(w: MatrixWorld): Promise<number> {
  const { data } = await w.db.entities.auditEvent.query.byCompany({ companyId: w.companyId }).go({ order: 'desc', limit: 1 });
  return data[0]?.seq ?? 0;
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
  const ctx = row.prepare ? await row.prepare(w) : undefined;
  const before = [await auditHead(w), row.observe ? await row.observe(w, ctx) : null];
  const res = await row.act(w, role, ctx);
  const after = [await auditHead(w), row.observe ? await row.observe(w, ctx) : null];
  const allowed = expectedAllowed(row.action, role);
  if (allowed && res.status < 300) row.succeeded?.(res);
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
  if (expectedAllowed(row.action, role)) return { expected: 'allowed' };
  return role === 'anyone'
    ? { expected: 'refused', status: 401, code: 'UNAUTHENTICATED', unchanged: true }
    : { expected: 'refused', status: 403, code: 'NOT_AUTHORIZED', unchanged: true };
}
