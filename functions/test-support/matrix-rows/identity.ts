import { createGrant } from '../../src/domain/grant/create-grant';
import { seedPerson } from '../identity-stack';
import { BYSTANDER_KEY, type MatrixRow, type MatrixWorld } from '../matrix-harness';

/** Rows of the identity area: seeing seals, grants, QR approvals of login and UKey binding. */

const grantee = () => {
  const p = seedPerson(BYSTANDER_KEY);
  return { name: p.name, idNumber: p.idNumber, phone: p.phone };
};

const grantsOf = async (world: MatrixWorld) =>
  (await world.store.grants.ofCompany(world.companyId))
    .map((g) => `${g.grantId}:${g.state}`)
    .sort();

/** A grant to cancel, made by the legal representative. */
async function grantToCancel(world: MatrixWorld, role: 'seal_administrator' | 'seal_holder') {
  const lr = seedPerson('lr-xinghe');
  const g = await createGrant(world.store, {
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
      const faceTicket = await world.ticketFor(as, action, { sealIds: [world.sealA] });
      return world.t.api('POST', `/v1/companies/${world.companyId}/grants`, {
        token: world.tokens[as],
        body: { role, sealIds: [world.sealA], grantee: grantee(), faceTicket },
      });
    },
    observe: grantsOf,
    succeeded: (res, _as, world) => expect(res.body).toMatchObject({ role, state: 'active', sealIds: [world.sealA] }),
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
              body: { purpose: 'ukey_bind', companyId: world.companyId, sealId: world.sealA, details: { ukeySerial: 'UK-0001' } },
            });
      return res.body.challengeId as string;
    },
    async act(world, as, challengeId) {
      const faceTicket = world.personIds[as] ? await world.ticketFor(as, action, { challengeId }) : undefined;
      return world.t.api('POST', `/v1/challenges/${challengeId}/approve`, { token: world.tokens[as], body: { faceTicket } });
    },
    observe: async (world, challengeId) => (await world.store.challenges.get(challengeId))?.state,
    succeeded: (res) => expect(res.body.state).toBe('approved'),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
export const identityRows: MatrixRow<any>[] = [
  {
    action: 'seal.view',
    // The company's seal list: a grant on any seal of the company opens the list, which then shows
    // only the seals the grant names (the other holder sees seal B, never seal A).
    scope: 'company',
    act: (world, as) => world.t.api('GET', `/v1/companies/${world.companyId}/seals`, { token: world.tokens[as] }),
    succeeded(res, as, world) {
      const ids = res.body.seals.map((s: { sealId: string }) => s.sealId);
      if (as === 'other_holder') expect(ids).toEqual([world.sealB]);
      else expect(ids).toContain(world.sealA);
    },
  },
  authorizeRow('grant.authorize_administrator'),
  authorizeRow('grant.authorize_holder'),
  cancelRow('grant.cancel_administrator'),
  cancelRow('grant.cancel_holder'),
  approvalRow('session.login'),
  approvalRow('ukey.confirm'),
];
