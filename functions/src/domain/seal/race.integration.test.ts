import { DomainError, canSign, sealMachine, step, type Role, type SealEvent, type SealState } from '@seal/shared';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import type { KeyCustody } from '../../ports/key-custody';
import { authorizeSignature, refusalSinceAuthorized, stillAsAuthorized } from './authorize-signature';
import { addCompany, addPerson, api, grantHolder, passedFaceTicket, startHarness, type Harness } from '../../../test-support/lifecycle-harness';
import { chainedTrail } from '../../../test-support/audit-trail';

const CO = '91440300708461136T';
const PIN = '135790';

let h: Harness;
let lr: { personId: string; token: string };
beforeAll(async () => {
  h = await startHarness();
  lr = await addPerson(h.services, '张三');
}, 120_000);
afterAll(() => h?.stop());

async function claimedSeal(kind: 'contract' | 'finance' | 'invoice') {
  const { sealIds } = await addCompany(h.services, { companyId: CO, legalRepPersonId: lr.personId, kinds: [kind] });
  const sealId = sealIds[0]!;
  const faceTicket = await passedFaceTicket(h.services, lr.personId, 'seal.claim', { sealIds: [sealId] });
  expect((await api(h.stack, 'POST', `/v1/seals/${sealId}/claim`, lr.token, { faceTicket, pin: PIN, pinConfirm: PIN })).status).toBe(201);
  return sealId;
}

const EVENT_OF: Record<string, SealEvent> = { 'seal.freeze': 'freeze', 'seal.unfreeze': 'unfreeze', 'seal.revoke': 'revoke', 'seal.claim': 'claim' };

describe('concurrent requests on one seal', () => {
  it('50 concurrent freeze / unfreeze / revoke / claim / sign-gate requests leave only machine-legal states and lose no audit event', async () => {
    const sealId = await claimedSeal('contract');
    const holders = await Promise.all(Array.from({ length: 10 }, (_, i) => addPerson(h.services, `持有人${i}`)));
    for (const p of holders) await grantHolder(h.services, { companyId: CO, personId: p.personId, sealIds: [sealId] });
    const target = { companyId: CO, sealIds: [sealId] };
    const requests: (() => Promise<{ kind: string; ok: boolean; status?: number }>)[] = [];
    const http = (kind: string, token: string, url: string, body: unknown) => async () => {
      const res = await api(h.stack, 'POST', url, token, body);
      return { kind, ok: res.status < 300, status: res.status };
    };
    for (let i = 0; i < 12; i++) {
      const ft = await passedFaceTicket(h.services, lr.personId, 'seal.freeze', target);
      requests.push(http('freeze', lr.token, `/v1/companies/${CO}/seals/freeze`, { faceTicket: ft, sealIds: [sealId], reason: '并发冻结' }));
      const fu = await passedFaceTicket(h.services, lr.personId, 'seal.unfreeze', target);
      requests.push(http('unfreeze', lr.token, `/v1/companies/${CO}/seals/unfreeze`, { faceTicket: fu, sealIds: [sealId], reason: '并发解冻' }));
    }
    for (let i = 0; i < 4; i++) {
      const fr = await passedFaceTicket(h.services, lr.personId, 'seal.revoke', target);
      requests.push(http('revoke', lr.token, `/v1/companies/${CO}/seals/revoke`, { faceTicket: fr, sealIds: [sealId], reason: { category: 'company_merged' } }));
    }
    for (const p of holders) {
      const fc = await passedFaceTicket(h.services, p.personId, 'seal.claim', { sealIds: [sealId] });
      requests.push(http('claim', p.token, `/v1/seals/${sealId}/claim`, { faceTicket: fc, pin: PIN, pinConfirm: PIN }));
    }
    const signed: SealState[] = [];
    for (let i = 0; i < 12; i++) {
      requests.push(async () => {
        try {
          const authorization = await authorizeSignature(h.services, { personId: lr.personId, sealId, pin: PIN, now: h.services.now() });
          // A signature's commit, held to the seal and credential the gate read (decision 0161).
          await h.services.store.commitWithAudit(
            { companyId: CO, actorId: lr.personId, actorRole: authorization.as, action: 'seal.sign', subject: `signature:${sealId}` },
            stillAsAuthorized(h.services.store, authorization),
          );
          signed.push(authorization.seal.state);
          return { kind: 'sign', ok: true };
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          return { kind: 'sign', ok: false };
        }
      });
    }
    expect(requests).toHaveLength(50);
    const outcomes = await Promise.all(requests.map((r) => r()));
    expect(outcomes.filter((o) => (o.status ?? 0) >= 500)).toEqual([]);

    const events = await chainedTrail(h.services.store, CO);
    expect(findFirstBreak(events)).toBeNull();
    const ofSeal = events.filter((e) => e.subject === `seal:${sealId}`).slice(1); // the first is the set-up claim
    // Every successful change left exactly one audit event; no failed one left any.
    const changes = outcomes.filter((o) => o.ok && o.kind !== 'sign').length;
    expect(ofSeal).toHaveLength(changes);
    // Replay the events: each is an edge of the machine, and each starts where the previous ended.
    let state: SealState = 'active';
    for (const e of ofSeal) {
      const before = (e.before as { state: SealState }).state;
      const after = (e.after as { state: SealState }).state;
      expect(before).toBe(state);
      const result = step(sealMachine, before, EVENT_OF[e.action]!, e.actorRole as Role);
      expect(result).toEqual({ ok: true, to: after, changed: before !== after });
      state = after;
    }
    const final = await h.services.store.seals.get(sealId, { consistent: true });
    expect(final!.state).toBe(state);
    for (const s of signed) expect(canSign(s)).toBe(true);
    // Revocation is final: if any revoke won, nothing changed the seal after it.
    if (outcomes.some((o) => o.kind === 'revoke' && o.ok)) expect(final!.state).toBe('revoked');
  }, 120_000);

  it('never uses a seal for a signature request once a freeze has committed, even one landing mid-request', async () => {
    const sealId = await claimedSeal('finance');
    // A custody that pauses inside signerFor (after the PIN check) until the freeze is in.
    let reached!: () => void;
    const atKey = new Promise<void>((resolve) => (reached = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = h.services.custody;
    const paused: KeyCustody = { ...real, signerFor: async (record, ctx) => (reached(), await gate, real.signerFor(record, ctx)) };
    const inFlight = authorizeSignature(h.services, { personId: lr.personId, sealId, pin: PIN, now: h.services.now() }, { custody: paused });
    await atKey;
    const ft = await passedFaceTicket(h.services, lr.personId, 'seal.freeze', { companyId: CO, sealIds: [sealId] });
    const frozen = await api(h.stack, 'POST', `/v1/companies/${CO}/seals/freeze`, lr.token, { faceTicket: ft, sealIds: [sealId], reason: '签章途中冻结' });
    expect(frozen.body.results[0].state).toBe('frozen');
    release();
    // The gate passed before the freeze landed; what it signs cannot be stored: the commit holds the
    // seal and the credential to the versions the gate read (decision 0161), and says why it failed.
    const authorization = await inFlight;
    const stored = h.services.store.commitWithAudit(
      { companyId: CO, actorId: lr.personId, actorRole: authorization.as, action: 'seal.sign', subject: sealId },
      stillAsAuthorized(h.services.store, authorization),
    );
    await expect(stored).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(refusalSinceAuthorized(h.services.store, authorization)).resolves.toMatchObject({ code: 'SEAL_FROZEN' });
    // Every request started after the freeze is refused.
    const after = await Promise.allSettled(Array.from({ length: 20 }, () => authorizeSignature(h.services, { personId: lr.personId, sealId, pin: PIN, now: h.services.now() })));
    expect(after.map((r) => (r.status === 'rejected' ? (r.reason as DomainError).code : 'SIGNED'))).toEqual(Array(20).fill('SEAL_FROZEN'));
  });
});
