/**
 * Stands in for `electrodb` in Lambda bundles (infra/lib/bundling.ts): the two things the store
 * uses, from ElectroDB's own modules, without its index, which also loads `Service` (the
 * multi-entity collections we do not use) and the conversions helpers (decision 0215).
 * `#electrodb/*` (functions/package.json) is ElectroDB itself under a name the alias does not match.
 */
export { Entity } from '#electrodb/src/entity';
export { createWriteTransaction } from '#electrodb/src/transaction';
