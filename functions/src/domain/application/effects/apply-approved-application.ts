import { DomainError, type SealKind } from '@seal/shared';
import type { Ports } from '../../../ports';
import type { ApplicationRecord } from '../application-view';
import type { StoredPayload } from '../payload';
import { createSeals, type NewSeal } from '../create-seals';
import { createIntegrationClient } from '../../integration/create-integration-client';
import { storeCustomSealImage } from './custom-seal-image';
import { cancelGrantAsWindow, changeSealsAsWindow, createGrantAsWindow, type WindowActor } from './other-areas';

type PlannedGrant = { role: 'seal_administrator' | 'seal_holder'; grantee: { name: string; idNumber: string; phone: string }; medium: 'phone' | 'ukey' };

/** Seals made by an application have ids derived from it: approving twice cannot make twins. */
const sealIdFor = (app: ApplicationRecord, suffix: string) => `seal-${app.applicationId}-${suffix}`;

async function newSealsWithGrants(
  services: Ports,
  app: ApplicationRecord,
  by: WindowActor,
  seals: NewSeal[],
  grants: { grant: PlannedGrant; kinds: SealKind[] }[],
): Promise<Record<string, unknown>> {
  const created = await createSeals(services.store, { companyId: app.companyId, seals, actorId: by.staffId, actorRole: 'window_staff', action: `seal.window_${app.kind}`, reason: `窗口办理 ${app.reference}`, now: by.now });
  const grantIds: string[] = [];
  for (const { grant, kinds } of grants) {
    const sealIds = created.filter((s) => kinds.includes(s.kind)).map((s) => s.sealId);
    grantIds.push((await createGrantAsWindow(services, { companyId: app.companyId, ...grant, sealIds }, by)).grantId);
  }
  return { sealIds: created.map((s) => s.sealId), grantIds };
}

/** What approval does, per kind: the same domain functions as online business, as window staff. */
export async function applyApprovedApplication(services: Ports, app: ApplicationRecord, staffId: string): Promise<Record<string, unknown>> {
  const by: WindowActor = { staffId, applicationId: app.applicationId, now: services.now() };
  const payload = app.payload as StoredPayload;
  const r = payload.request;
  switch (r.kind) {
    case 'apply':
    case 'change':
      return newSealsWithGrants(
        services,
        app,
        by,
        r.kinds.map((kind) => ({ sealId: sealIdFor(app, kind), kind, ...(r.sealAlgorithm ? { algorithm: r.sealAlgorithm } : {}) })),
        (r.grants ?? []).map((g) => ({ grant: g, kinds: g.kinds })),
      );
    case 'authorize': {
      const grantIds: string[] = [];
      for (const g of r.grants) grantIds.push((await createGrantAsWindow(services, { companyId: app.companyId, role: g.role, grantee: g.grantee, sealIds: g.sealIds, medium: g.medium }, by)).grantId);
      return { grantIds };
    }
    case 'cancel_authorization':
      for (const grantId of r.grantIds) await cancelGrantAsWindow(services, { companyId: app.companyId, grantId }, by);
      return { cancelledGrantIds: r.grantIds };
    case 'freeze':
    case 'unfreeze':
    case 'revoke': {
      const change = r.kind === 'revoke' ? { event: r.kind, reason: r.reason } : { event: r.kind, reason: r.reason };
      const outcomes = await changeSealsAsWindow(services, app.companyId, r.sealIds, change, by);
      return { seals: outcomes };
    }
    case 'custom_seal': {
      const sealId = sealIdFor(app, 'custom');
      const company = await services.store.companies.get(app.companyId);
      if (!company) throw new DomainError('COMPANY_NOT_FOUND');
      const imageKey = await storeCustomSealImage(services, { sealId, payload, companyName: company.name, sealName: r.sealName, creditCode: company.companyId });
      return newSealsWithGrants(
        services,
        app,
        by,
        [{ sealId, kind: 'custom', name: r.sealName, imageKey, ...(r.sealAlgorithm ? { algorithm: r.sealAlgorithm } : {}) }],
        (r.grants ?? []).map((g) => ({ grant: g, kinds: ['custom'] })),
      );
    }
    case 'system_integration': {
      const client = await createIntegrationClient(services.store, { companyId: app.companyId, applicationId: app.applicationId, staffId, now: by.now });
      return { clientId: client.clientId };
    }
  }
}
