import fc from 'fast-check';
import { ROLES } from '../domain/roles';
import { step, type Machine } from './machine';
import { credentialMachine, CREDENTIAL_EVENTS, CREDENTIAL_STATES } from './credential-machine';
import { grantMachine, GRANT_EVENTS, GRANT_STATES } from './grant-machine';
import { applicationMachine, APPLICATION_EVENTS, APPLICATION_STATES } from './application-machine';
import { challengeMachine, CHALLENGE_EVENTS, CHALLENGE_STATES } from './challenge-machine';

/** Each machine's allowed edges, written out by hand from DESIGN.md. */
const EDGES: Record<string, string[]> = {
  credential: ['active>lock>locked', 'locked>unlock>active', 'active>supersede>superseded', 'locked>supersede>superseded', 'active>revoke>revoked', 'locked>revoke>revoked'],
  grant: ['active>cancel_holder>cancelled', 'active>cancel_administrator>cancelled', 'active>end>cancelled'],
  application: ['submitted>approve>approved', 'submitted>reject>rejected', 'submitted>withdraw>withdrawn'],
  challenge: ['pending>approve>approved', 'pending>reject>rejected', 'pending>expire>expired', 'approved>expire>expired', 'approved>consume>consumed'],
};

const cases: [Machine<string, string>, readonly string[], readonly string[]][] = [
  [credentialMachine, CREDENTIAL_STATES, CREDENTIAL_EVENTS],
  [grantMachine, GRANT_STATES, GRANT_EVENTS],
  [applicationMachine, APPLICATION_STATES, APPLICATION_EVENTS],
  [challengeMachine, CHALLENGE_STATES, CHALLENGE_EVENTS],
];

describe.each(cases)('%s machine', (machine, states, events) => {
  it('accepts only the edges of its diagram and never leaves a final state', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.array(fc.record({ event: fc.constantFrom(...events), role: fc.constantFrom(...ROLES) }), { maxLength: 20 }),
        (start, attempts) => {
          let state = start;
          for (const { event, role } of attempts) {
            const result = step(machine, state, event, role);
            if (result.ok) {
              expect(EDGES[machine.name]).toContain(`${state}>${event}>${result.to}`);
              expect(machine.final).not.toContain(state);
              state = result.to;
            }
          }
        },
      ),
      { numRuns: 2_500 },
    );
  });
});

describe('challenge machine', () => {
  it('lets a challenge be consumed once only', () => {
    const first = step(challengeMachine, 'approved', 'consume', 'system');
    expect(first).toEqual({ ok: true, to: 'consumed', changed: true });
    expect(step(challengeMachine, 'consumed', 'consume', 'system')).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION' });
    expect(step(challengeMachine, 'consumed', 'approve', 'person')).toEqual({ ok: false, code: 'ILLEGAL_TRANSITION' });
  });
});
