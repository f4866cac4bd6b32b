import type { GrantRecord, PersonRecord, SealStore } from '../../ports/seal-store';
import { sameName, verifiedName } from './people';

/**
 * The grants that are this person's (active ones unless `ended` too are asked for, to tell them why they lost seals). A grant names its grantee by ID number and name, but
 * the name binds only when it is the one the person's own face check verified with that ID number:
 * a grant typed with someone else's ID number under another name (identity squatting, issue #15)
 * never becomes theirs, and stays waiting for a person whose check matches it. Nobody is told
 * which: the grantor's answer is the same whether or not the ID number is known. `person`: their
 * record when the request already read it.
 */
export async function grantsOfPerson(store: SealStore, personId: string, options: { ended?: boolean; person?: PersonRecord } = {}): Promise<GrantRecord[]> {
  const [person, grants] = await Promise.all([options.person ?? store.people.get(personId), store.grants.ofGrantee(personId)]);
  return ownGrants(person, grants, options);
}

/** Of the grants naming the person, those that are theirs (`grantsOfPerson`'s rule, for grants already read). */
export function ownGrants(person: PersonRecord | undefined, grants: GrantRecord[], options: { ended?: boolean } = {}): GrantRecord[] {
  const name = verifiedName(person);
  if (name === undefined) return [];
  return grants.filter((g) => (options.ended || g.state === 'active') && sameName(g.granteeName, name));
}
