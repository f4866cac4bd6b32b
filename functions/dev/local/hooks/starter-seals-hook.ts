import type { StartupHook } from '../startup-hooks';
import { readRegistrySeed, seedCompanies } from '../../../src/adapters/registry/seed';
import { loadCompany } from '../../../src/domain/company/company-lookup';

/**
 * Local stack: every company of the local registry is looked up once at start, so a newly
 * registered one has its four starter seals ready to claim before anyone applies. Idempotent
 * (create-only company copy, fixed starter seal ids); independent of the seed hook's order.
 */
export const starterSealsHook: StartupHook = {
  name: 'starter seals of newly registered companies',
  async run(services) {
    if (services.config.STAGE === 'prod') return;
    for (const company of seedCompanies(readRegistrySeed(), services.now())) await loadCompany(services, company.creditCode);
  },
};
