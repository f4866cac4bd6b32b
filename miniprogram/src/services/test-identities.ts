import type { identityDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';

/** The people the H5 login simulator offers: `routes.devTestIdentities` (local stack only). */
export async function fetchTestIdentities(): Promise<identityDto.TestIdentity[]> {
  const { people } = await call(routes.devTestIdentities);
  return people;
}
