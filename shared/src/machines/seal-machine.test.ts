import fc from 'fast-check';
import { ROLES, type Role } from '../domain/roles';
import { step, eventsFrom, whoMayTrigger } from './machine';
import { SEAL_EVENTS, SEAL_STATES, canSign, sealMachine, type SealEvent, type SealState } from './seal-machine';

/**
 * The life cycle of DESIGN.md §2, written out edge by edge independently of the machine's table:
 * the property test checks the machine never accepts anything this list does not contain.
 */
const DIAGRAM: [SealState, SealEvent, SealState][] = [
  ['pending_claim', 'claim', 'active'],
  ['active', 'claim', 'active'],
  ['renewal_due', 'claim', 'renewal_due'],
  ['active', 'freeze', 'frozen'],
  ['renewal_due', 'freeze', 'frozen'],
  ['frozen', 'unfreeze', 'active'],
  ['active', 'mark_renewal_due', 'renewal_due'],
  ['active', 'expire', 'expired'],
  ['renewal_due', 'expire', 'expired'],
  ['frozen', 'expire', 'expired'],
  ['renewal_due', 'renew', 'active'],
  ['expired', 'renew', 'active'],
  ...(['pending_claim', 'active', 'frozen', 'renewal_due', 'expired'] as const).map(
    (s): [SealState, SealEvent, SealState] => [s, 'revoke', 'revoked'],
  ),
];

const WHO: Record<SealEvent, Role[]> = {
  claim: ['legal_representative', 'seal_holder'],
  freeze: ['legal_representative', 'seal_administrator', 'window_staff'],
  unfreeze: ['legal_representative', 'seal_administrator', 'window_staff'],
  mark_renewal_due: ['system'],
  expire: ['system'],
  renew: ['legal_representative', 'seal_administrator'],
  revoke: ['legal_representative', 'seal_administrator', 'window_staff', 'system'],
};

const attempt = fc.record({ event: fc.constantFrom(...SEAL_EVENTS), role: fc.constantFrom(...ROLES) });

describe('seal state machine', () => {
  it('never accepts a transition outside the life-cycle diagram, from any random sequence of actions by any role', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEAL_STATES), fc.array(attempt, { minLength: 1, maxLength: 40 }), (start, attempts) => {
        let state = start;
        for (const { event, role } of attempts) {
          const before = state;
          const result = step(sealMachine, state, event, role);
          const edge = DIAGRAM.find(([from, e]) => from === before && e === event);
          const roleAllowed = WHO[event].includes(role);
          if (result.ok) {
            expect(roleAllowed).toBe(true);
            expect(edge).toBeDefined();
            expect(result.to).toBe(edge![2]);
            state = result.to;
          } else {
            // Refused exactly when the role may not, or the diagram has no such edge.
            expect(!roleAllowed || edge === undefined).toBe(true);
            expect(result.code).toBe(roleAllowed ? 'ILLEGAL_TRANSITION' : 'NOT_AUTHORIZED');
          }
          // Only active and renewal_due seals sign, whatever path led here.
          expect(canSign(state)).toBe(state === 'active' || state === 'renewal_due');
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('keeps a revoked seal revoked whatever anyone does next', () => {
    fc.assert(
      fc.property(fc.array(attempt, { maxLength: 40 }), (attempts) => {
        for (const { event, role } of attempts) {
          const result = step(sealMachine, 'revoked', event, role);
          expect(result.ok).toBe(false);
        }
      }),
      { numRuns: 10_000 },
    );
  });

  it('accepts every edge of the diagram for a role allowed to take it', () => {
    for (const [from, event, to] of DIAGRAM) {
      const role = WHO[event][0] as Role;
      expect(step(sealMachine, from, event, role)).toEqual({ ok: true, to, changed: from !== to });
    }
  });

  it('tells the UI what is possible from each state', () => {
    expect(eventsFrom(sealMachine, 'frozen').sort()).toEqual(['expire', 'revoke', 'unfreeze']);
    expect(eventsFrom(sealMachine, 'revoked')).toEqual([]);
    expect(whoMayTrigger(sealMachine, 'freeze').sort()).toEqual([...WHO.freeze].sort());
  });

  it('refuses to freeze a seal twice', () => {
    expect(step(sealMachine, 'frozen', 'freeze', 'legal_representative')).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });
});
