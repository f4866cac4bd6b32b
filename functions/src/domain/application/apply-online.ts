import { DomainError, LEGAL_REPRESENTATIVE_ONLY, SEAL_KIND_LABELS, authorize, type Actor, type SealAlgorithm, type SealKind } from '@seal/shared';
import type { Ports } from '../../ports';
import { consumeFaceTicket, faceTarget } from '../identity/face-ticket';
import { createSeals, liveSeals, type CreatedSeal } from './create-seals';
import { loadCompany } from '../company/company-lookup';
import { checkBusinessLicence } from '../company/registry-lookup';
import { windowRequiredFor } from './window-rules';
import { spendLicenceAuthorization } from './licence-authorization';

export interface ApplyOnlineInput {
  companyId: string;
  personId: string;
  actor: () => Promise<Actor>;
  faceTicket: string | undefined;
  /** The verified 电子营业执照 authorization (licence-authorization.ts). */
  licenceTicket: string;
  kinds: readonly SealKind[];
  bilingualName?: boolean;
  sealAlgorithm?: SealAlgorithm;
}

/**
 * 在线申请: the legal representative in person, after the 电子营业执照 authorization (verified
 * through the ElectronicLicence port, `licence-authorization.ts`) and a face check; the chosen seals
 * appear as pending_claim. Cases the guide sends to the window (several executive partners, a
 * bilingual name seal) and failed licence checks are refused with a message that says to go to the
 * window. Nothing is written unless every check passed; both proofs are spent last, once each.
 */
export async function applyOnline(services: Ports, input: ApplyOnlineInput): Promise<CreatedSeal[]> {
  const { store } = services;
  const now = services.now();
  const company = await loadCompany(services, input.companyId).catch((error: unknown) => {
    // A credit code nobody has answers like one whose legal representative is someone else (issue #15).
    if (error instanceof DomainError && error.code === 'COMPANY_NOT_FOUND') throw new DomainError('NOT_AUTHORIZED', LEGAL_REPRESENTATIVE_ONLY);
    throw error;
  });
  const target = { companyId: company.companyId };
  const decision = authorize(await input.actor(), 'seal.apply_online', target);
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED', LEGAL_REPRESENTATIVE_ONLY);

  const licence = await checkBusinessLicence(services, company, input.personId);
  const window = windowRequiredFor({ type: licence.type, executivePartners: licence.executivePartners, bilingualName: input.bilingualName });
  if (window) throw new DomainError('WINDOW_REQUIRED', window);
  if (!licence.isLegalRepresentative || licence.status !== 'active') throw new DomainError('LICENCE_CHECK_FAILED');

  const held = new Set((await liveSeals(store, company.companyId)).map((s) => s.kind));
  const duplicate = input.kinds.find((k) => held.has(k));
  if (duplicate) throw new DomainError('ALREADY_EXISTS', `该商事主体已有${SEAL_KIND_LABELS[duplicate]}，无需重复申请`);

  // Last: spending the proofs is the point of no return for the person.
  await spendLicenceAuthorization(services, { authorizationId: input.licenceTicket, personId: input.personId, companyId: company.companyId, now });
  await consumeFaceTicket(store, { ticketId: input.faceTicket, personId: input.personId, action: 'seal.apply_online', target: faceTarget(target), now });
  return createSeals(store, {
    companyId: company.companyId,
    seals: input.kinds.map((kind) => ({ kind, ...(input.sealAlgorithm ? { algorithm: input.sealAlgorithm } : {}) })),
    actorId: input.personId,
    actorRole: decision.as,
    action: 'seal.apply_online',
    now,
  });
}
