import { DomainError, type GrantRole, type Medium, type Role } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { personIdFor } from '../identity/person-id';
import { sealsOfCompany } from '../identity/seal-scope';
import { newId } from '../identity/secrets';

export interface CreateGrantInput {
  companyId: string;
  role: GrantRole;
  sealIds: string[];
  grantee: { name: string; idNumber: string; phone?: string };
  medium?: Medium;
  /** Who authorizes: the legal representative, an administrator, or window staff approving a window application. */
  grantorId: string;
  /** The role the permission check resolved for the grantor (`window_staff` for window approvals). */
  as: Role;
  now: Date;
  /** Spends the grantor's proof (online: the face ticket), once every check that could refuse has passed. */
  prove?: () => Promise<void>;
}

/**
 * 授权: lets the grantee administer or hold the named seals of the company. The caller has already
 * authorized the action; its proof (face ticket online; the window's materials for staff) is spent
 * by `prove` after the checks here, so a refused grant costs the grantor nothing.
 *
 * The grant names the grantee (name, ID number, phone) and binds nothing about who they are: no
 * person record is read or written here. It becomes the grantee's only when their own face check
 * verified that very name with that ID number (`grantsOfPerson`). So the answer is the same whether
 * the ID number is known to the platform or not, under any name (no oracle), and a grant typed with
 * someone else's ID number cannot lock them out or act as them (issue #15).
 */
export async function createGrant(store: SealStore, input: CreateGrantInput) {
  const company = await store.companies.get(input.companyId);
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  if (company.status !== 'active') throw new DomainError('ILLEGAL_TRANSITION', '该商事主体已注销，不能办理授权');
  const seals = await sealsOfCompany(store, input.companyId, input.sealIds);
  if (seals.some((s) => s.state === 'revoked')) throw new DomainError('SEAL_REVOKED');
  const granteeId = personIdFor(input.grantee.idNumber);
  if (granteeId === company.legalRepPersonId) throw new DomainError('VALIDATION_FAILED', '法定代表人无需授权');
  if (granteeId === input.grantorId) throw new DomainError('VALIDATION_FAILED', '不能授权给本人');
  await input.prove?.();
  const grant = {
    companyId: input.companyId,
    grantId: newId('g'),
    granteeId,
    granteeName: input.grantee.name.trim(),
    granteePhone: input.grantee.phone,
    grantorId: input.grantorId,
    role: input.role,
    sealIds: seals.map((s) => s.sealId).sort(),
    medium: input.medium ?? 'phone',
    state: 'active' as const,
    createdAt: input.now.toISOString(),
    version: 1,
  };
  await store.commitWithAudit(
    {
      companyId: input.companyId,
      actorId: input.grantorId,
      actorRole: input.as,
      action: input.role === 'seal_administrator' ? 'grant.authorize_administrator' : 'grant.authorize_holder',
      subject: `grant:${grant.grantId}`,
      after: { state: 'active', granteeId, role: grant.role, sealIds: grant.sealIds },
    },
    [store.grants.create(grant)],
    input.now,
  );
  return grant;
}
