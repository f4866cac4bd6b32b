import { DomainError, maskIdNumber } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { personIdFor } from './person-id';

export interface PersonFacts {
  name: string;
  idNumber: string;
  phone?: string;
}

/**
 * The person with this ID number, created on first sight (as a grantee, a legal representative or
 * at their first login). A known ID number under another name is refused: names do not change by
 * typing them differently.
 */
export async function ensurePerson(store: SealStore, facts: PersonFacts, now: Date): Promise<string> {
  const personId = personIdFor(facts.idNumber);
  const name = facts.name.trim();
  const created = await store.people.create({
    personId,
    name,
    idNumberMasked: maskIdNumber(facts.idNumber),
    phone: facts.phone,
    sessionEpoch: 0,
    createdAt: now.toISOString(),
  });
  if (created) return personId;
  const existing = await store.people.get(personId);
  if (existing && existing.name !== name) throw new DomainError('VALIDATION_FAILED', '姓名与身份证号码不符');
  return personId;
}

export async function getPerson(store: SealStore, personId: string) {
  const data = await store.people.get(personId);
  if (!data) throw new DomainError('PERSON_NOT_FOUND');
  return data;
}
