import { Entity, type EntityConfiguration } from 'electrodb';
import { Company } from './company';
import { Grant } from './grant';

/**
 * The company and the grant as the table held them before decision 0205: the same models, but the
 * gsi1 partition named after the attribute (`$seal#legalreppersonid_…`, `$seal#granteeid_…`), not
 * the person's partition. Only the refiling on next use reads these keys (store/refile.ts, decision
 * 0220); its tests write items in the old shape with them.
 */
export const CompanyBefore0205 = (config: EntityConfiguration) => {
  const { schema } = Company(config);
  return new Entity(
    { ...schema, indexes: { ...schema.indexes, byLegalRep: { ...schema.indexes.byLegalRep, pk: { field: 'gsi1pk', composite: ['legalRepPersonId'] } } } },
    config,
  );
};

export const GrantBefore0205 = (config: EntityConfiguration) => {
  const { schema } = Grant(config);
  return new Entity(
    { ...schema, indexes: { ...schema.indexes, byGrantee: { ...schema.indexes.byGrantee, pk: { field: 'gsi1pk', composite: ['granteeId'] } } } },
    config,
  );
};
