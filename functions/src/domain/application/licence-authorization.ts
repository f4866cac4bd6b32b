import { COMPANY_TYPE_LABELS, DomainError, LEGAL_REPRESENTATIVE_ONLY, authorize, type Actor, type applicationDto } from '@seal/shared';
import type { Ports } from '../../ports';
import { loadCompany } from '../company/company-lookup';
import { checkBusinessLicence } from '../company/registry-lookup';
import { personAsFaceSubject } from '../identity/person-face-check';
import { personIdFor } from '../identity/person-id';
import { newId } from '../identity/secrets';
import { windowRequiredFor } from './window-rules';

/** An 电子营业执照 authorization is good for ten minutes: present the licence, pass the face check, submit. */
export const LICENCE_AUTHORIZATION_TTL_SECONDS = 10 * 60;

/** Why the guide sends the person to the window when the licence check fails. */
export const LICENCE_REFUSED = '电子营业执照验证未通过：需商事主体负责人本人授权，请通过窗口办理印章申请';
export const NOT_THE_REPRESENTATIVE = '电子营业执照显示您不是该商事主体的法定代表人（负责人），请通过窗口办理印章申请';

/**
 * 电子营业执照验证, first step of 在线申请: only the legal representative may start it (the
 * permission matrix), and only for a company the guide lets apply online (a partnership with several
 * executive partners learns here, before any check, that it must go to the window). The phone then
 * presents the licence (`launch`).
 */
export async function beginLicenceAuthorization(
  services: Ports,
  input: { companyId: string; personId: string; actor: () => Promise<Actor> },
): Promise<applicationDto.LicenceAuthorizationStarted> {
  const company = await loadCompany(services, input.companyId);
  if (!authorize(await input.actor(), 'seal.apply_online', { companyId: company.companyId }).allowed)
    throw new DomainError('NOT_AUTHORIZED', LEGAL_REPRESENTATIVE_ONLY);
  const facts = await checkBusinessLicence(services, company, input.personId);
  const window = windowRequiredFor({ type: facts.type, executivePartners: facts.executivePartners });
  if (window) throw new DomainError('WINDOW_REQUIRED', window);
  const now = services.now();
  const expiresAt = new Date(now.getTime() + LICENCE_AUTHORIZATION_TTL_SECONDS * 1000);
  const authorizationId = newId('el');
  await services.store.licenceAuthorizations.create({
    authorizationId,
    personId: input.personId,
    companyId: company.companyId,
    state: 'started',
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    ttl: Math.floor(expiresAt.getTime() / 1000),
  });
  const launch = await services.licences.begin({ authorizationId, creditCode: company.companyId });
  return { authorizationId, company: { companyId: company.companyId, name: company.name }, launch, expiresAt: expiresAt.toISOString() };
}

/**
 * The licence platform's answer: the licence is the company's, active, presented by this very
 * person, and names them as its legal representative. Anything else refuses the authorization
 * (once: it cannot be tried again) with the guide's way out, the window.
 */
export async function finishLicenceAuthorization(
  services: Ports,
  input: { authorizationId: string; personId: string; authCode?: string; presented?: boolean },
): Promise<applicationDto.LicenceAuthorizationResult> {
  const { store } = services;
  const now = services.now();
  const started = await store.licenceAuthorizations.get(input.authorizationId);
  // Someone else's authorization is as unknown as a made-up id.
  if (!started || started.personId !== input.personId) throw new DomainError('LICENCE_TICKET_INVALID');
  if (started.state !== 'started' || started.expiresAt <= now.toISOString()) throw new DomainError('LICENCE_TICKET_INVALID');
  const presenter = await personAsFaceSubject(services, input.personId);
  const licence = await services.licences.verify({
    authorizationId: started.authorizationId,
    creditCode: started.companyId,
    authCode: input.authCode,
    simulatedPresented: input.presented,
    presenter: { name: presenter.name, idNumber: presenter.idNumber },
  });
  const refuse = async (message: string) => {
    await store.licenceAuthorizations.decide(started.authorizationId, { state: 'refused', now: now.toISOString() });
    return new DomainError('LICENCE_CHECK_FAILED', message);
  };
  if (!licence || licence.creditCode !== started.companyId || licence.status !== 'active') throw await refuse(LICENCE_REFUSED);
  const representative = personIdFor(licence.legalRepresentative.idNumber);
  if (personIdFor(licence.presentedBy.idNumber) !== input.personId || representative !== input.personId) throw await refuse(NOT_THE_REPRESENTATIVE);
  const shown = {
    companyName: licence.name,
    companyType: licence.type,
    legalRepName: licence.legalRepresentative.name,
    registeredOn: licence.registeredOn,
  };
  if (!(await store.licenceAuthorizations.decide(started.authorizationId, { state: 'verified', licence: shown, now: now.toISOString() })))
    throw new DomainError('LICENCE_TICKET_INVALID');
  return {
    authorizationId: started.authorizationId,
    state: 'verified',
    licence: {
      companyId: licence.creditCode,
      companyName: shown.companyName,
      companyTypeLabel: COMPANY_TYPE_LABELS[licence.type],
      legalRepName: shown.legalRepName,
      registeredOn: shown.registeredOn,
    },
  };
}

/** Spends a verified authorization of this person for this company (once); LICENCE_TICKET_INVALID otherwise. */
export async function spendLicenceAuthorization(services: Ports, input: { authorizationId: string; personId: string; companyId: string; now: Date }): Promise<void> {
  const spent = await services.store.licenceAuthorizations.spend({
    authorizationId: input.authorizationId,
    personId: input.personId,
    companyId: input.companyId,
    now: input.now.toISOString(),
  });
  if (!spent) throw new DomainError('LICENCE_TICKET_INVALID');
}
