import { startTestStack, type TestStack } from '../testing/identity-stack';
import {
  MATRIX_ROLES,
  attempt,
  buildWorld,
  correctOutcome,
  expectedAllowed,
  type MatrixRow,
  type MatrixWorld,
} from '../testing/matrix-harness';
import { createGrant } from '../grants/create-grant';
import { seedPerson } from '../testing/identity-stack';

let t: TestStack;
let w: MatrixWorld;
beforeAll(async () => {
  t = await startTestStack(2);
  w = await buildWorld(t);
}, 120_000);
afterAll(() => t?.stop());

const grantee = () => {
  const p = seedPerson('holder-2');
  return { name: p.name, idNumber: p.idNumber, phone: p.phone };
};
const grantsOf = async (world: MatrixWorld) =>
  (await world.db.entities.grant.query.byCompany({ companyId: world.companyId }).go({ pages: 'all' })).data
    .map((g) => `${g.grantId}:${g.state}`)
    .sort();

/** A grant to cancel, made by the legal representative. */
async function grantToCancel(world: MatrixWorld, role: 'seal_administrator' | 'seal_holder') {
  const lr = seedPerson('lr-xinghe');
  const g = await createGrant(world.db, {
    companyId: world.companyId,
    role,
    sealIds: [world.sealA],
    grantee: grantee(),
    grantorId: lr.personId,
    as: 'legal_representative',
    now: new Date(),
  });
  return g.grantId;
}

function authorizeRow(action: 'grant.authorize_administrator' | 'grant.authorize_holder'): MatrixRow {
  const role = action === 'grant.authorize_administrator' ? 'seal_administrator' : 'seal_holder';
  return {
    action,
    async act(world, as) {
      const target = `seals:${world.sealA}`;
      const personId = world.personIds[as];
      const faceTicket = personId ? await world.mintFaceTicket(personId, action, target) : 'ft_nobody_nobody_nobody';
      return world.t.api('POST', `/v1/companies/${world.companyId}/grants`, {
        token: world.tokens[as],
        body: { role, sealIds: [world.sealA], grantee: grantee(), faceTicket },
      });
    },
    observe: grantsOf,
    succeeded: (res) => expect(res.body).toMatchObject({ role, state: 'active', sealIds: [w.sealA] }),
  };
}

function cancelRow(action: 'grant.cancel_administrator' | 'grant.cancel_holder'): MatrixRow<string> {
  return {
    action,
    prepare: (world) => grantToCancel(world, action === 'grant.cancel_administrator' ? 'seal_administrator' : 'seal_holder'),
    act: (world, as, grantId) =>
      world.t.api('POST', `/v1/companies/${world.companyId}/grants/${grantId}/cancel`, { token: world.tokens[as] }),
    observe: grantsOf,
    succeeded: (res) => expect(res.body.state).toBe('cancelled'),
  };
}

/** QR approvals: a desktop challenge, approved on the phone with a face ticket bound to it. */
function approvalRow(action: 'session.login' | 'ukey.confirm'): MatrixRow<string> {
  return {
    action,
    async prepare(world) {
      const res =
        action === 'session.login'
          ? await world.t.api('POST', '/v1/login-challenges')
          : await world.t.api('POST', '/v1/challenges', {
              token: world.tokens.legal_representative,
              body: { purpose: 'ukey_bind', companyId: world.companyId, sealId: world.sealA },
            });
      return res.body.challengeId as string;
    },
    async act(world, as, challengeId) {
      const personId = world.personIds[as];
      const faceTicket = personId ? await world.mintFaceTicket(personId, action, `challenge:${challengeId}`) : undefined;
      return world.t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: world.tokens[as], body: { faceTicket } });
    },
    observe: async (world, challengeId) => (await world.db.entities.challenge.get({ challengeId }).go()).data?.state,
    succeeded: (res) => expect(res.body.state).toBe('approved'),
  };
}

/**
 * The rows of the identity area. `seal.sign` approvals need a claimed credential and its PIN:
 * the lifecycle area adds that row (and its own actions') with the same harness.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
const identityRows: MatrixRow<any>[] = [
  {
    action: 'seal.view',
    act: (world, as) => world.t.api('GET', `/v1/companies/${world.companyId}/seals`, { token: world.tokens[as] }),
    succeeded: (res) => expect(res.body.seals.map((s: { sealId: string }) => s.sealId)).toContain(w.sealA),
  },
  authorizeRow('grant.authorize_administrator'),
  authorizeRow('grant.authorize_holder'),
  cancelRow('grant.cancel_administrator'),
  cancelRow('grant.cancel_holder'),
  approvalRow('session.login'),
  approvalRow('ukey.confirm'),
];

const cases = identityRows.flatMap((row) =>
  MATRIX_ROLES.filter((role) => !row.skip?.includes(role)).map((role) => [row.action, role, row] as const),
);

describe('the permission matrix through the real handlers', () => {
  it.each(cases)('%s as %s', async (_action, role, row) => {
    const outcome = await attempt(w, row, role);
    const want = correctOutcome(row, role);
    if (want.expected === 'allowed') {
      expect(outcome.status).toBeLessThan(300);
    } else {
      expect({ status: outcome.status, code: outcome.code, unchanged: outcome.unchanged }).toEqual({
        status: want.status,
        code: want.code,
        unchanged: true,
      });
    }
  });

  it('covers allowed and refused cases for every row', () => {
    for (const row of identityRows) {
      const roles = MATRIX_ROLES.filter((r) => !row.skip?.includes(r));
      expect(roles.some((r) => expectedAllowed(row.action, r))).toBe(true);
      expect(roles.some((r) => !expectedAllowed(row.action, r))).toBe(true);
    }
  });
});
