import type { CredentialRecord, Credentials } from '../../../ports/store/credentials';
import type { SealService } from '../service';
import { conditionally, isConditionFailure, tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'credential'>, CredentialRecord> = true;

export function dynamoDbCredentials({ entities }: SealService): Credentials {
  const key = (c: { sealId: string; credentialId: string }) => ({ sealId: c.sealId, credentialId: c.credentialId });
  return {
    async ofSeal(sealId) {
      return (await entities.credential.query.bySeal({ sealId }).go({ pages: 'all', consistent: true })).data;
    },
    async ofHolder(personId, sealId) {
      const { data } = await entities.credential.query.byPerson({ personId, sealId }).go({ pages: 'all' });
      // The sort key's prefix would also take a seal id that merely starts with this one.
      return data.filter((c) => c.sealId === sealId);
    },
    async get(credential, options) {
      return (await entities.credential.get(key(credential)).go({ consistent: options?.consistent ?? false })).data ?? undefined;
    },
    create: (credential) => tableWrite((e) => e.credential.create(credential).commit()),
    unchanged: (credential) => tableWrite((e) => e.credential.check(key(credential)).where((a, op) => op.eq(a.version, credential.version)).commit()),

    countPinFailure: (credential, below) =>
      conditionally(() =>
        entities.credential
          .patch(key(credential))
          .add({ failedAttempts: 1 })
          .where((a, op) => `${op.lt(a.failedAttempts, below)} AND ${op.eq(a.state, 'active')}`)
          .go(),
      ),
    async clearPinFailures(credential) {
      try {
        await entities.credential
          .patch(key(credential))
          .set({ failedAttempts: 0 })
          .where((a, op) => op.eq(a.state, 'active'))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },
    replacePinHash: (credential, from, to) =>
      conditionally(() =>
        entities.credential
          .patch(key(credential))
          .set({ pinHash: to })
          .where((a, op) => op.eq(a.pinHash, from))
          .go(),
      ),
    lock: (c, change) =>
      tableWrite((e) =>
        e.credential
          .patch(key(c))
          .set({ state: change.state, failedAttempts: change.failedAttempts, lockedUntil: change.lockedUntil, version: c.version + 1 })
          .where(
            (a, op) =>
              `${op.eq(a.version, c.version)} AND ${op.eq(a.failedAttempts, change.failedAttempts - 1)} AND ${op.eq(a.state, 'active')}`,
          )
          .commit(),
      ),
    unlock: (c, change) =>
      tableWrite((e) =>
        e.credential
          .patch(key(c))
          .set({ state: change.state, failedAttempts: 0, version: c.version + 1 })
          .remove(['lockedUntil'])
          .where((a, op) => `${op.eq(a.version, c.version)} AND ${op.eq(a.state, 'locked')}`)
          .commit(),
      ),
    changePin: (c, pinHash) =>
      tableWrite((e) =>
        e.credential
          .patch(key(c))
          .set({ pinHash, failedAttempts: 0, version: c.version + 1 })
          .where((a, op) => `${op.eq(a.version, c.version)} AND ${op.eq(a.state, 'active')}`)
          .commit(),
      ),
    recertify: (c, certificate) =>
      tableWrite((e) =>
        e.credential
          .patch(key(c))
          .set({ ...certificate, version: c.version + 1 })
          .where((a, op) => op.eq(a.version, c.version))
          .commit(),
      ),
    retire: (c, change) =>
      tableWrite((e) =>
        e.credential
          .patch(key(c))
          .set({ state: change.state, keyRef: change.keyRef, version: c.version + 1 })
          .where((a, op) => op.eq(a.version, c.version))
          .commit(),
      ),
    moveMedium: (c, change) =>
      tableWrite((e) => {
        const where = (a: { version: unknown; medium: unknown }, op: { eq(a: unknown, b: unknown): string }) =>
          `${op.eq(a.version, c.version)} AND ${op.eq(a.medium, change.from)}`;
        return change.to === 'ukey'
          ? e.credential.patch(key(c)).set({ medium: 'ukey', ukey: change.ukey, version: c.version + 1 }).where(where).commit()
          : e.credential.patch(key(c)).set({ medium: 'phone', version: c.version + 1 }).remove(['ukey']).where(where).commit();
      }),
  };
}
