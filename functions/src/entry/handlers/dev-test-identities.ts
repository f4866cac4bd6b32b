import { DomainError } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { readRegistrySeed } from '../../adapters/registry/seed';

/** GET /v1/dev/test-identities — the seed's test people for the H5 login picker; never in production. */
export const handler = defineHandler(routes.devTestIdentities, {
  async run({ services }) {
    if (services.config.STAGE === 'prod') throw new DomainError('PRODUCTION_FORBIDDEN');
    const people = readRegistrySeed().people.map((p) => ({
      key: p.key,
      name: p.name,
      idNumber: p.idNumber,
      note: p.note,
      code: `sim:${p.key}`,
    }));
    return { body: { people } };
  },
});
