import { ACTIONS, ACTION_NAMES, authorize, rolesOn, type Action, type Actor } from './permissions';

const CO = 'co-1';
const OTHER = 'co-2';
const SEAL = 'seal-a';
const UNGRANTED = 'seal-b';

const people: Record<string, Actor> = {
  legalRep: { personId: 'p-lr', legalRepresentativeOf: [CO], grants: [] },
  admin: { personId: 'p-ad', legalRepresentativeOf: [], grants: [{ companyId: CO, role: 'seal_administrator', sealIds: [SEAL] }] },
  holder: { personId: 'p-ho', legalRepresentativeOf: [], grants: [{ companyId: CO, role: 'seal_holder', sealIds: [SEAL] }] },
  stranger: { personId: 'p-st', legalRepresentativeOf: [OTHER], grants: [] },
  staff: { personId: 'p-wi', legalRepresentativeOf: [], grants: [], windowStaff: true },
  system: { legalRepresentativeOf: [], grants: [], system: true },
  public: { legalRepresentativeOf: [], grants: [] },
};

/** The expected matrix, row by row: which of the people above may take each action on seal-a of co-1. */
const EXPECTED: Record<Action, (keyof typeof people)[]> = {
  'session.login': ['legalRep', 'admin', 'holder', 'stranger', 'staff'],
  'session.login_ukey': ['legalRep', 'holder'],
  'seal.view': ['legalRep', 'admin', 'holder'],
  'seal.apply_online': ['legalRep'],
  'seal.claim': ['legalRep', 'holder'],
  'seal.sign': ['legalRep', 'holder'],
  'seal.freeze': ['legalRep', 'admin'],
  'seal.unfreeze': ['legalRep', 'admin'],
  'seal.revoke': ['legalRep', 'admin'],
  'seal.renew': ['legalRep', 'admin'],
  'seal.view_signing_records': ['legalRep', 'admin'],
  'seal.change_online': ['legalRep'],
  'grant.authorize_administrator': ['legalRep'],
  'grant.authorize_holder': ['legalRep', 'admin'],
  'grant.cancel_administrator': ['legalRep'],
  'grant.cancel_holder': ['legalRep', 'admin'],
  'credential.change_pin': ['legalRep', 'holder'],
  'credential.reset_pin': ['legalRep', 'holder'],
  'ukey.bind': ['legalRep', 'holder'],
  'ukey.unbind': ['legalRep', 'holder'],
  'ukey.confirm': ['legalRep', 'admin', 'holder'],
  'window.submit': ['legalRep', 'admin', 'holder', 'stranger', 'staff'],
  'window.cancel_authorization': ['legalRep'],
  'application.review': ['staff'],
  'integration.apply': ['legalRep', 'admin'],
  'integration.manage_credentials': ['legalRep', 'admin'],
  'integration.view_seals': [],
  'custom_seal.apply': ['legalRep', 'admin'],
  'audit.verify': ['legalRep', 'admin', 'staff'],
  'audit.view': ['legalRep'],
  'audit.export': ['legalRep'],
  'document.verify': ['legalRep', 'admin', 'holder', 'stranger', 'staff', 'system', 'public'],
  'seal.mark_renewal_due': ['system'],
  'seal.expire': ['system'],
  'company.licence_changed': ['system'],
};

describe('permission matrix', () => {
  it('covers every action in the expected table', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTION_NAMES].sort());
  });

  const rows = ACTION_NAMES.flatMap((action) => Object.keys(people).map((who) => [action, who] as const));
  it.each(rows)('%s by %s on a granted seal', (action, who) => {
    const decision = authorize(people[who]!, action, { companyId: CO, sealIds: [SEAL] });
    expect(decision.allowed).toBe(EXPECTED[action].includes(who));
    expect(decision.proof).toBe(ACTIONS[action].proof);
  });

  it('keeps a holder to the seals granted to them', () => {
    expect(authorize(people.holder!, 'seal.sign', { companyId: CO, sealIds: [UNGRANTED] }).allowed).toBe(false);
    expect(authorize(people.holder!, 'seal.sign', { companyId: CO, sealIds: [SEAL, UNGRANTED] }).allowed).toBe(false);
  });

  it('keeps an administrator to the seals granted to them and to holder grants', () => {
    expect(authorize(people.admin!, 'seal.freeze', { companyId: CO, sealIds: [UNGRANTED] }).allowed).toBe(false);
    expect(authorize(people.admin!, 'grant.authorize_administrator', { companyId: CO, sealIds: [SEAL] }).allowed).toBe(false);
  });

  it('gives a legal representative no power over another company', () => {
    expect(authorize(people.stranger!, 'seal.freeze', { companyId: CO, sealIds: [SEAL] }).allowed).toBe(false);
    expect(rolesOn(people.stranger!, { companyId: OTHER })).toContain('legal_representative');
  });

  it('lets only the legal representative cancel an authorization by window', () => {
    expect(authorize(people.admin!, 'window.cancel_authorization', { companyId: CO }).allowed).toBe(false);
    expect(authorize(people.legalRep!, 'window.cancel_authorization', { companyId: CO }).allowed).toBe(true);
  });

  it('lets an integrated system read only the seals of its own company', () => {
    const system: Actor = { legalRepresentativeOf: [], grants: [], integrationFor: CO };
    expect(authorize(system, 'integration.view_seals', { companyId: CO }).allowed).toBe(true);
    expect(authorize(system, 'integration.view_seals', { companyId: OTHER }).allowed).toBe(false);
    expect(authorize(system, 'seal.freeze', { companyId: CO, sealIds: [SEAL] }).allowed).toBe(false);
  });

  it('asks for a face check or the PIN where the user guide does', () => {
    const face = ACTION_NAMES.filter((a) => ACTIONS[a].proof === 'face').sort();
    expect(face).toEqual(
      expect.arrayContaining(['session.login', 'seal.claim', 'grant.authorize_holder', 'seal.freeze', 'seal.unfreeze', 'seal.revoke', 'seal.renew', 'seal.change_online', 'credential.change_pin', 'credential.reset_pin', 'seal.apply_online']),
    );
    expect(ACTIONS['seal.sign'].proof).toBe('pin');
  });
});
