import * as z from 'zod/mini';
import { COMPANY_TYPES } from '../../../domain/seal';
import { GRANT_ROLES } from '../../../domain/roles';

/** Who am I, and the local stack's test identities. */

export const MeResponse = z.object({
  person: z.object({ personId: z.string(), name: z.string(), idNumberMasked: z.string(), phone: z.optional(z.string()) }),
  /** Companies whose legal representative I am. */
  companies: z.array(
    z.object({ companyId: z.string(), name: z.string(), type: z.enum(COMPANY_TYPES), status: z.enum(['active', 'closed']) }),
  ),
  /** My active grants (administrator / holder). */
  grants: z.array(
    z.object({
      grantId: z.string(),
      companyId: z.string(),
      companyName: z.string(),
      role: z.enum(GRANT_ROLES),
      sealIds: z.array(z.string()),
    }),
  ),
  /** Seals I claimed (credentials), once they exist. */
  credentials: z.array(
    z.object({
      sealId: z.string(),
      credentialId: z.string(),
      companyId: z.string(),
      state: z.string(),
      /** Where it signs: `phone` (the platform's custody, PIN) or `ukey` (the token it is bound to). */
      medium: z.string(),
      /** The serial of the UKey it is bound to, while `medium` is `ukey`. */
      ukeySerial: z.optional(z.string()),
    }),
  ),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** `GET /v1/dev/test-identities` (local/dev only): the seed's people, for the H5 login picker. */
export const TestIdentity = z.object({ key: z.string(), name: z.string(), idNumber: z.string(), note: z.string(), code: z.string() });
export type TestIdentity = z.infer<typeof TestIdentity>;
export type TestIdentityList = { people: TestIdentity[] };
