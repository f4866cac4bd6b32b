/**
 * The key template of a person's partition of gsi1 (decision 0205). The credential's `byPerson`
 * index makes it from `personId` (`$seal#personid_…`); the company's legal representative and the
 * grant's grantee are written under the same key, so one query reads everything filed under the
 * person, each item told apart by its own sort key.
 */
export const PERSON_PARTITION = (attribute: 'legalRepPersonId' | 'granteeId') => `$seal#personid_\${${attribute}}`;
