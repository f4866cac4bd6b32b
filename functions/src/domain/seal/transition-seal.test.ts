import { DomainError } from '@seal/shared';
import { createTestTable } from '../../../test-support/dynamo';
import { seedCompanyWithSeals } from '../../../test-support/fixtures';
import { transitionSeal } from './transition-seal';
import { findFirstBreak } from '../../engines/hash-chain/hash-chain';
import type { SealStore } from '../../ports/seal-store';
import { chainedTrail } from '../../../test-support/audit-trail';

let store: SealStore;
beforeAll(async () => {
  ({ store } = await createTestTable());
});

const chain = (companyId: string) => chainedTrail(store, companyId);

describe('seal state changes against DynamoDB Local', () => {
  it('lets exactly one of two concurrent conflicting updates win; the other gets CONFLICT and nothing is lost', async () => {
    const { companyId, sealIds } = await seedCompanyWithSeals(store, { companyId: '91440300708461136T' });
    const sealId = sealIds[0]!;
    // Both read version 1: one freezes, the other revokes.
    const results = await Promise.allSettled([
      transitionSeal(store, { sealId, event: 'freeze', as: 'legal_representative', actorId: 'p1', reason: '测试冻结', expectedVersion: 1 }),
      transitionSeal(store, { sealId, event: 'revoke', as: 'legal_representative', actorId: 'p2', reason: '企业注销', expectedVersion: 1 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(DomainError);
    expect((lost[0]!.reason as DomainError).code).toBe('CONFLICT');

    const seal = await store.seals.get(sealId);
    const winner = (won[0] as PromiseFulfilledResult<{ to: string }>).value;
    expect(seal?.state).toBe(winner.to);
    expect(seal?.version).toBe(2);
    // The winner's change is in the audit chain, exactly once, and the chain is intact.
    const events = await chain(companyId);
    expect(events.map((e) => e.action)).toEqual([`seal.${winner.to === 'frozen' ? 'freeze' : 'revoke'}`]);
    expect(findFirstBreak(events)).toBeNull();
  });

  it('keeps every audit event when many seals of one company change at once', async () => {
    const { companyId, sealIds } = await seedCompanyWithSeals(store, {
      companyId: '91110000802100433B',
      kinds: ['company_name', 'finance', 'contract', 'invoice', 'legal_representative_name', 'custom'],
    });
    await Promise.all(sealIds.map((sealId) => transitionSeal(store, { sealId, event: 'freeze', as: 'seal_administrator', actorId: 'p3', reason: '批量冻结' })));
    const events = await chain(companyId);
    expect(events).toHaveLength(sealIds.length);
    expect(events.map((e) => e.seq)).toEqual(sealIds.map((_, i) => i + 1));
    expect(findFirstBreak(events)).toBeNull();
  });

  it('refuses a transition the state machine forbids and writes nothing', async () => {
    const { companyId, sealIds } = await seedCompanyWithSeals(store, { companyId: '914403001922038216', state: 'frozen' });
    await expect(transitionSeal(store, { sealId: sealIds[0]!, event: 'freeze', as: 'legal_representative', actorId: 'p1', reason: '再冻结' })).rejects.toMatchObject({
      code: 'SEAL_FROZEN',
    });
    const seal = await store.seals.get(sealIds[0]!);
    expect(seal?.version).toBe(1);
    expect(await chain(companyId)).toHaveLength(0);
  });

  it('detects a tampered audit event', async () => {
    const { companyId, sealIds } = await seedCompanyWithSeals(store, { companyId: '91440300708461136T', kinds: ['finance'] });
    await transitionSeal(store, { sealId: sealIds[0]!, event: 'freeze', as: 'legal_representative', actorId: 'p1', reason: '原因一' });
    await transitionSeal(store, { sealId: sealIds[0]!, event: 'unfreeze', as: 'legal_representative', actorId: 'p1', reason: '原因二' });
    const events = await chain(companyId);
    const tampered = events.map((e) => (e.reason === '原因一' ? { ...e, reason: '被篡改' } : e));
    expect(findFirstBreak(events)).toBeNull();
    expect(findFirstBreak(tampered)).toMatchObject({ problem: 'hash_mismatch' });
  });
});
