import { DomainError, maskIdNumber, type identityDto, type SystemCause } from '@seal/shared';

type RegistryChange = identityDto.RegistryChange;
import type { SealStore } from '../../ports/seal-store';
import { personIdFor } from '../identity/person-id';
import { onLicenceChange } from '../seal/on-licence-change';
import type { LifecycleDeps } from '../seal/deps';

/** How long a notification id is remembered: far beyond the 5-minute timestamp window. */
const NONCE_TTL_SECONDS = 7 * 24 * 3600;

export interface Notification {
  notificationId: string;
  creditCode: string;
  changes: RegistryChange[];
}

async function remember(store: SealStore, notificationId: string, now: Date): Promise<void> {
  const first = await store.nonces.remember({
    scope: 'registry-notification',
    value: notificationId,
    seenAt: now.toISOString(),
    ttl: Math.floor(now.getTime() / 1000) + NONCE_TTL_SECONDS,
  });
  if (!first) throw new DomainError('REQUEST_REPLAYED');
}

/**
 * Stores what the registry reports about a company and lets the seal life cycle react. The id is
 * remembered first (a conditional create: of two deliveries racing, one proceeds); if applying
 * fails the id is forgotten again so the registry's retry is not taken for a replay.
 */
export async function applyRegistryNotification(
  store: SealStore,
  n: Notification,
  now: Date,
  /** Lets the licence change retire kms-asymmetric keys and rebuild the CRL at once (the handler passes it). */
  deps?: LifecycleDeps,
): Promise<LicenceChangeApplied> {
  await remember(store, n.notificationId, now);
  try {
    return await applyChanges(store, n, now, deps);
  } catch (error) {
    await store.nonces.forget('registry-notification', n.notificationId);
    throw error;
  }
}

/** What a notification changed: the causes, and (for the people to be told) what the seal life cycle ended. */
export interface LicenceChangeApplied {
  companyId: string;
  causes: SystemCause[];
  effects?: { previousLegalRepId: string; revokedSealIds: string[]; endedGrantIds: string[] };
}

async function applyChanges(store: SealStore, n: Notification, now: Date, deps?: LifecycleDeps): Promise<LicenceChangeApplied> {
  const company = await store.companies.get(n.creditCode);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  const causes = new Set<SystemCause>();
  const set: { name?: string; type?: typeof company.type; legalRepName?: string; legalRepPersonId?: string; status?: 'closed' } = {};
  for (const change of n.changes) {
    switch (change.kind) {
      case 'legal_representative': {
        const personId = personIdFor(change.idNumber);
        if (change.name !== company.legalRepName) causes.add('legal_representative_changed');
        else if (personId !== company.legalRepPersonId) causes.add('legal_representative_id_changed');
        if (personId !== company.legalRepPersonId) await ensureLegalRep(store, personId, change, now);
        Object.assign(set, { legalRepName: change.name, legalRepPersonId: personId });
        break;
      }
      case 'name':
        if (change.name !== company.name) {
          causes.add('company_name_changed');
          set.name = change.name;
        }
        break;
      case 'type':
        if (change.type !== company.type) {
          causes.add('company_type_changed');
          set.type = change.type;
        }
        break;
      case 'closure':
        if (company.status !== 'closed') {
          causes.add('company_closed');
          set.status = 'closed';
        }
        break;
    }
  }
  const list = [...causes];
  if (list.length === 0) return { companyId: company.companyId, causes: list };
  await store.commitWithAudit(
    {
      companyId: company.companyId,
      actorId: 'business-registry',
      actorRole: 'system',
      action: 'company.licence_changed',
      subject: `company:${company.companyId}`,
      reason: list.join(','),
      before: { name: company.name, type: company.type, legalRepName: company.legalRepName, status: company.status },
      after: {
        name: set.name ?? company.name,
        type: set.type ?? company.type,
        legalRepName: set.legalRepName ?? company.legalRepName,
        status: set.status ?? company.status,
      },
    },
    [store.companies.update(company, set)],
    now,
  );
  const ended = await onLicenceChange(store, { companyId: company.companyId, changes: list, now }, deps);
  return { companyId: company.companyId, causes: list, effects: { previousLegalRepId: company.legalRepPersonId, ...ended } };
}

/** The new legal representative becomes a person the platform knows, so they can re-apply at once. */
async function ensureLegalRep(store: SealStore, personId: string, rep: { name: string; idNumber: string }, now: Date): Promise<void> {
  await store.people.create({ personId, name: rep.name, idNumberMasked: maskIdNumber(rep.idNumber), sessionEpoch: 0, createdAt: now.toISOString() });
}
