import type { Action } from '@seal/shared';
import { MATRIX_PIN, type MatrixRow, type MatrixWorld } from '../matrix-harness';

/**
 * Rows of the seal life cycle. Every attempt takes a fresh spare seal (covered by the
 * administrator's and holder's grants exactly like seal A) in the state the action starts from,
 * so an allowed attempt cannot spoil the next one.
 */

const sealState = async (world: MatrixWorld, sealId: string) => {
  const seal = await world.store.seals.get(sealId, { consistent: true });
  return `${seal?.state}:${seal?.version}`;
};

const sealsOfCompany = async (world: MatrixWorld) =>
  (await world.store.seals.ofCompany(world.companyId))
    .map((s) => `${s.sealId}:${s.state}`)
    .sort();

/** 冻结 / 解冻 / 注销 / 续期: the company's batch routes, one seal picked. */
function batchRow(
  action: Extract<Action, 'seal.freeze' | 'seal.unfreeze' | 'seal.revoke' | 'seal.renew'>,
  from: 'active' | 'frozen' | 'renewal_due',
  to: string,
): MatrixRow<string> {
  const verb = action.slice('seal.'.length);
  return {
    action,
    prepare: (world) => world.spareSeal(from),
    async act(world, as, sealId) {
      const body: Record<string, unknown> = { sealIds: [sealId], faceTicket: await world.ticketFor(as, action, { companyId: world.companyId, sealIds: [sealId] }) };
      if (action === 'seal.freeze' || action === 'seal.unfreeze') body.reason = '权限矩阵测试';
      if (action === 'seal.revoke') body.reason = { category: 'other', text: '权限矩阵测试' };
      return world.t.api('POST', `/v1/companies/${world.companyId}/seals/${verb}`, { token: world.tokens[as], body });
    },
    observe: sealState,
    succeeded: (res, _as, _w, sealId) => expect(res.body.results).toEqual([{ sealId, ok: true, state: to }]),
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each row has its own context type
export const sealRows: MatrixRow<any>[] = [
  {
    action: 'seal.claim',
    prepare: (world) => world.spareSeal('pending_claim'),
    async act(world, as, sealId: string) {
      const faceTicket = await world.ticketFor(as, 'seal.claim', { sealIds: [sealId] });
      return world.t.api('POST', `/v1/seals/${sealId}/claim`, {
        token: world.tokens[as],
        body: { faceTicket, pin: MATRIX_PIN, pinConfirm: MATRIX_PIN },
      });
    },
    async observe(world, sealId: string) {
      return [await sealState(world, sealId), (await world.store.credentials.ofSeal(sealId)).length];
    },
    succeeded: (res) =>
      expect(res.body).toMatchObject({ message: '证书下载成功!', seal: { state: 'active' }, credential: { state: 'active' } }),
  },
  batchRow('seal.freeze', 'active', 'frozen'),
  batchRow('seal.unfreeze', 'frozen', 'active'),
  batchRow('seal.revoke', 'active', 'revoked'),
  batchRow('seal.renew', 'renewal_due', 'active'),
  {
    // 在线申请: the refusal says who may apply (“需商事主体负责人本人办理”), still a 403 that changes nothing.
    action: 'seal.apply_online',
    refusal: { status: 403, code: 'NOT_AUTHORIZED' },
    async act(world, as) {
      // The 电子营业执照 step comes first and is refused the same way; whoever it refuses still
      // tries the application itself with a made-up licence ticket, so both routes are held to the matrix.
      const token = world.tokens[as];
      const started = await world.t.api('POST', `/v1/companies/${world.companyId}/licence-authorizations`, { token });
      let licenceTicket = 'el-never-issued-0000';
      if (started.status === 201) {
        const verified = await world.t.api('POST', `/v1/licence-authorizations/${started.body.authorizationId}/result`, { token, body: { presented: true } });
        if (verified.status !== 200) return verified;
        licenceTicket = verified.body.authorizationId;
      }
      const faceTicket = await world.ticketFor(as, 'seal.apply_online', { companyId: world.companyId });
      return world.t.api('POST', `/v1/companies/${world.companyId}/seal-applications`, { token, body: { faceTicket, licenceTicket, kinds: ['invoice'] } });
    },
    observe: sealsOfCompany,
    succeeded: (res) => expect(res.body.seals).toMatchObject([{ kind: 'invoice', state: 'pending_claim' }]),
  },
  {
    // 用印记录 of seal A: read only, for its legal representative and administrators, not its holders.
    action: 'seal.view_signing_records',
    act: (world, as) => world.t.api('GET', `/v1/seals/${world.sealA}/signing-records`, { token: world.tokens[as] }),
    succeeded: (res, _as, world) => expect(res.body.seal).toMatchObject({ sealId: world.sealA, companyId: world.companyId }),
  },
  {
    // 在线变更 of a kind the company does not hold (the change re-applies what a licence change revoked).
    action: 'seal.change_online',
    async act(world, as) {
      const faceTicket = await world.ticketFor(as, 'seal.change_online', { companyId: world.companyId });
      return world.t.api('POST', `/v1/companies/${world.companyId}/change`, {
        token: world.tokens[as],
        body: { faceTicket, kinds: ['company_name'] },
      });
    },
    observe: sealsOfCompany,
    succeeded: (res) => expect(res.body.seals).toMatchObject([{ kind: 'company_name', state: 'pending_claim' }]),
  },
];
