import type { ChallengeRecord, Challenges, FaceTicketRecord, FaceTickets, NonceRecord, Nonces } from '../../../ports/store/challenges';
import type { SealService } from '../service';
import { conditionally, type ItemOf, type Same } from './table-write';

const _challenge: Same<ItemOf<'challenge'>, ChallengeRecord> = true;
const _faceTicket: Same<ItemOf<'faceTicket'>, FaceTicketRecord> = true;
const _nonce: Same<ItemOf<'nonce'>, NonceRecord> = true;

export function dynamoDbChallenges({ entities }: SealService): Challenges {
  return {
    async get(challengeId) {
      return (await entities.challenge.get({ challengeId }).go()).data ?? undefined;
    },
    async create(challenge) {
      await entities.challenge.create(challenge).go();
    },
    approve: (c, approval) =>
      conditionally(() =>
        entities.challenge
          .patch({ challengeId: c.challengeId })
          .set({ state: 'approved', approverId: approval.approverId, outcome: approval.outcome, version: c.version + 1 })
          .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.version, c.version)} AND ${op.gt(a.expiresAt, approval.now)}`)
          .go(),
      ),
    reject: (c, rejection) =>
      conditionally(() =>
        entities.challenge
          .patch({ challengeId: c.challengeId })
          .set({ state: 'rejected', approverId: rejection.approverId, version: c.version + 1 })
          .where((a, op) => `${op.eq(a.state, 'pending')} AND ${op.eq(a.version, c.version)}`)
          .go(),
      ),
    consume: (c) =>
      conditionally(() =>
        entities.challenge
          .patch({ challengeId: c.challengeId })
          .set({ state: 'consumed', version: c.version + 1 })
          .where((a, op) => `${op.eq(a.state, 'approved')} AND ${op.eq(a.version, c.version)}`)
          .go(),
      ),
  };
}

export function dynamoDbFaceTickets({ entities }: SealService): FaceTickets {
  return {
    async get(ticketId) {
      return (await entities.faceTicket.get({ ticketId }).go()).data ?? undefined;
    },
    async create(ticket) {
      await entities.faceTicket.create(ticket).go();
    },
    decide: (ticketId, state) =>
      conditionally(() =>
        entities.faceTicket
          .patch({ ticketId })
          .set({ state })
          .where((a, op) => op.eq(a.state, 'pending'))
          .go(),
      ),
    spend: (ticket) =>
      conditionally(() =>
        entities.faceTicket
          .patch({ ticketId: ticket.ticketId })
          .set({ state: 'used' })
          .where(
            (a, op) =>
              `${op.eq(a.state, 'passed')} AND ${op.eq(a.personId, ticket.personId)} AND ${op.eq(a.action, ticket.action)} AND ${op.eq(a.target, ticket.target)} AND ${op.gt(a.expiresAt, ticket.now)}`,
          )
          .go(),
      ),
  };
}

export function dynamoDbNonces({ entities }: SealService): Nonces {
  return {
    remember: (nonce) => conditionally(() => entities.nonce.create(nonce).go()),
    async forget(scope, value) {
      await entities.nonce.delete({ scope, value }).go();
    },
  };
}
