import { DomainError, maskIdNumber } from '@seal/shared';
import type { SealService } from '../../adapters/dynamodb/service';
import { personIdFor } from './person-id';

export interface PersonFacts {
  name: string;
  idNumber: string;
  phone?: string;
}

function isConditionalFailure(error: unknown): boolean {
  return /conditional/i.test(String(error)) || (error as { cause?: { name?: string } }).cause?.name === 'ConditionalCheckFailedException';
}

/**
 * The person with this ID number, created on first sight (as a grantee, a legal representative or
 * at their first login). A known ID number under another name is refused: names do not change by
 * typing them differently.
 */
export async function ensurePerson(db: SealService, facts: PersonFacts, now: Date): Promise<string> {
  const personId = personIdFor(facts.idNumber);
  const name = facts.name.trim();
  try {
    await db.entities.person
      .create({ personId, name, idNumberMasked: maskIdNumber(facts.idNumber), phone: facts.phone, sessionEpoch: 0, createdAt: now.toISOString() })
      .go();
    return personId;
  } catch (error) {
    if (!isConditionalFailure(error)) throw error;
  }
  const { data: existing } = await db.entities.person.get({ personId }).go();
  if (existing && existing.name !== name) throw new DomainError('VALIDATION_FAILED', '姓名与身份证号码不符');
  return personId;
}

export async function getPerson(db: SealService, personId: string) {
  const { data } = await db.entities.person.get({ personId }).go();
  if (!data) throw new DomainError('PERSON_NOT_FOUND');
  return data;
}
