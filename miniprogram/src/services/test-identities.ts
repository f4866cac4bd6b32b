import type { identityDto } from '@seal/shared';
import { request } from '../platform';

/** The people the H5 login simulator offers: GET /v1/dev/test-identities (local stack only). */
export async function fetchTestIdentities(): Promise<identityDto.TestIdentity[]> {
  const { people } = await request<{ people: identityDto.TestIdentity[] }>({ path: '/v1/dev/test-identities' });
  return people;
}
