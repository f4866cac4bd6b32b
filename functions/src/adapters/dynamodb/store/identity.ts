import type {
  LoginAttemptRecord,
  LoginAttempts,
  People,
  PersonRecord,
  RateCounters,
  StaffAccountRecord,
  StaffAccounts,
  WechatBindingRecord,
  WechatBindings,
} from '../../../ports/store/identity';
import type { SealService } from '../service';
import { conditionally, type ItemOf, type Same } from './table-write';

const _person: Same<ItemOf<'person'>, PersonRecord> = true;
const _binding: Same<ItemOf<'wechatBinding'>, WechatBindingRecord> = true;
const _staff: Same<ItemOf<'staffAccount'>, StaffAccountRecord> = true;
const _login: Same<ItemOf<'loginAttempt'>, LoginAttemptRecord> = true;

export function dynamoDbPeople({ entities }: SealService): People {
  return {
    async get(personId) {
      return (await entities.person.get({ personId }).go()).data ?? undefined;
    },
    create: (person) => conditionally(() => entities.person.create(person).go()),
    async recordRealNameCheck(personId, check) {
      await entities.person.patch({ personId }).set(check).add({ version: 1 }).go();
    },
    async endSessions(personId) {
      await entities.person.patch({ personId }).add({ sessionEpoch: 1 }).go();
    },
  };
}

export function dynamoDbWechatBindings({ entities }: SealService): WechatBindings {
  return {
    async get(openid) {
      return (await entities.wechatBinding.get({ openid }).go()).data ?? undefined;
    },
    async put(binding) {
      await entities.wechatBinding.put(binding).go();
    },
  };
}

export function dynamoDbStaffAccounts({ entities }: SealService): StaffAccounts {
  return {
    async get(username) {
      return (await entities.staffAccount.get({ username }).go()).data ?? undefined;
    },
    create: (account) => conditionally(() => entities.staffAccount.create(account).go()),
  };
}

export function dynamoDbLoginAttempts({ entities }: SealService): LoginAttempts {
  return {
    async get(loginId) {
      return (await entities.loginAttempt.get({ loginId }).go()).data ?? undefined;
    },
    async create(attempt) {
      await entities.loginAttempt.create(attempt).go();
    },
    nameSubject: (attempt, subject) =>
      conditionally(() =>
        entities.loginAttempt
          .patch({ loginId: attempt.loginId })
          .set({ ...subject, version: attempt.version + 1 })
          .where((a, op) => op.eq(a.version, attempt.version))
          .go(),
      ),
    finish: (attempt) =>
      conditionally(() =>
        entities.loginAttempt
          .patch({ loginId: attempt.loginId })
          .set({ state: 'done', version: attempt.version + 1 })
          .where((a, op) => `${op.eq(a.version, attempt.version)} AND ${op.eq(a.state, 'started')}`)
          .go(),
      ),
  };
}

export function dynamoDbRateCounters({ entities }: SealService): RateCounters {
  return {
    // An amount over the limit is refused outright: `attribute_not_exists(count)` alone would let
    // the first request of a window take more than the whole limit.
    add: async (counter) =>
      counter.amount <= counter.limit &&
      conditionally(() =>
        entities.rateCounter
          .update({ key: counter.key, window: counter.window })
          .add({ count: counter.amount })
          .set({ ttl: counter.ttl })
          .where((a, op) => `${op.notExists(a.count)} OR ${op.lte(a.count, counter.limit - counter.amount)}`)
          .go(),
      ),
    async giveBack(counter) {
      await entities.rateCounter.update({ key: counter.key, window: counter.window }).subtract({ count: counter.amount }).go();
    },
  };
}
