import { APPLICATION_KIND_LABELS, SYSTEM_CAUSE_LABELS, type SystemCause } from '@seal/shared';
import type { ApplicationRecord, CompanyRecord, GrantRecord, SealRecord, SealStore } from '../../ports/seal-store';
import { notify, type Notice } from './notify';

/** Who hears of which event, with what facts: one function per event the platform tells people about. */

export async function grantNotice(store: SealStore, grant: GrantRecord, kind: 'grant_received' | 'grant_cancelled', at: Date): Promise<Notice> {
  const [company, seals] = await Promise.all([store.companies.get(grant.companyId), store.seals.getMany(grant.sealIds)]);
  return {
    personId: grant.granteeId,
    kind,
    at,
    event: `grant:${grant.grantId}:${kind}`,
    facts: { companyId: grant.companyId, companyName: company?.name, role: grant.role, sealIds: grant.sealIds, sealNames: seals.map((s) => s.name) },
  };
}

export function applicationDecidedNotice(app: ApplicationRecord): Notice {
  const kind = app.state === 'approved' ? 'application_approved' : 'application_rejected';
  return {
    personId: app.applicantId,
    kind,
    at: new Date(app.decidedAt ?? Date.now()),
    event: `application:${app.applicationId}:${app.state}`,
    facts: {
      companyId: app.companyId,
      applicationId: app.applicationId,
      reference: app.reference,
      applicationLabel: APPLICATION_KIND_LABELS[app.kind],
      ...(app.decisionReason ? { reason: app.decisionReason } : {}),
    },
  };
}

/**
 * Seals revoked by a licence change: the legal representative before and after the change, the
 * holders and administrators whose grants ended, and everyone who had claimed a revoked seal.
 */
export async function sealsRevokedNotices(
  store: SealStore,
  change: { company: CompanyRecord; previousLegalRepId: string; causes: readonly SystemCause[]; revokedSealIds: string[]; endedGrantIds: string[]; at: Date },
): Promise<Notice[]> {
  if (change.revokedSealIds.length === 0 && change.endedGrantIds.length === 0) return [];
  const [seals, grants, credentials] = await Promise.all([
    store.seals.getMany(change.revokedSealIds),
    store.grants.ofCompany(change.company.companyId),
    Promise.all(change.revokedSealIds.map((id) => store.credentials.ofSeal(id))),
  ]);
  const people = new Set([change.previousLegalRepId, change.company.legalRepPersonId]);
  for (const g of grants) if (change.endedGrantIds.includes(g.grantId)) people.add(g.granteeId);
  for (const c of credentials.flat()) people.add(c.personId);
  const facts = {
    companyId: change.company.companyId,
    companyName: change.company.name,
    sealIds: change.revokedSealIds,
    sealNames: seals.map((s) => s.name),
    reason: change.causes.map((c) => SYSTEM_CAUSE_LABELS[c]).join('、'),
  };
  const event = `licence-change:${change.company.companyId}:${change.at.toISOString()}`;
  return [...people].map((personId) => ({ personId, kind: 'seals_revoked' as const, at: change.at, event, facts }));
}

/**
 * A seal's certificate expires within 30 days: its legal representative, the administrators whose
 * grant covers it, and the people who claimed it (they sign with it) are reminded.
 */
export async function expiringNotices(store: SealStore, seal: SealRecord, at: Date): Promise<Notice[]> {
  const [company, grants, credentials] = await Promise.all([
    store.companies.get(seal.companyId),
    store.grants.ofCompany(seal.companyId),
    store.credentials.ofSeal(seal.sealId),
  ]);
  const people = new Set<string>();
  if (company) people.add(company.legalRepPersonId);
  for (const g of grants) if (g.state === 'active' && g.role === 'seal_administrator' && g.sealIds.includes(seal.sealId)) people.add(g.granteeId);
  for (const c of credentials) if (c.state === 'active' || c.state === 'locked') people.add(c.personId);
  // `expiresOn` is the certificate's last day (UTC); whole days left from now.
  const daysLeft = Math.max(0, Math.floor((Date.parse(`${seal.expiresOn}T23:59:59Z`) - at.getTime()) / 86_400_000));
  const facts = {
    companyId: seal.companyId,
    companyName: company?.name,
    sealIds: [seal.sealId],
    sealNames: [seal.name],
    expiresOn: seal.expiresOn,
    daysLeft,
  };
  return [...people].map((personId) => ({ personId, kind: 'certificate_expiring' as const, at, event: `expiring:${seal.sealId}:${seal.expiresOn}`, facts }));
}

/** Tells the grantee their grant began or ended (after the grant's own transaction). */
export async function tellGrantee(
  services: Parameters<typeof notify>[0],
  grant: GrantRecord,
  kind: 'grant_received' | 'grant_cancelled',
  at: Date,
): Promise<void> {
  await notify(services, [await grantNotice(services.store, grant, kind, at)]);
}
