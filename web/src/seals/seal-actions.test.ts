import type { Actor } from '@seal/shared';
import { actionsFor } from './seal-actions';

const company = '91440300MA5DXH8K2L';
const legalRep: Actor = { personId: 'p-lr', legalRepresentativeOf: [company], grants: [] };
const holder: Actor = {
  personId: 'p-h',
  legalRepresentativeOf: [],
  grants: [{ companyId: company, role: 'seal_holder', sealIds: ['s-1'] }],
};
const admin: Actor = {
  personId: 'p-a',
  legalRepresentativeOf: [],
  grants: [{ companyId: company, role: 'seal_administrator', sealIds: ['s-1'] }],
};
const keys = (actor: Actor, state: string, credential: boolean | 'ukey' = false) =>
  actionsFor(actor, company, { sealId: 's-1', state }, credential ? { medium: credential === 'ukey' ? 'ukey' : 'phone' } : null).map(
    (a) => a.key,
  );

describe('the actions a seal row offers', () => {
  it('offers the legal representative freeze and revoke on an active seal, not unfreeze', () => {
    expect(keys(legalRep, 'active')).toEqual(expect.arrayContaining(['freeze', 'revoke']));
    expect(keys(legalRep, 'active')).not.toContain('unfreeze');
  });

  it('offers a holder no freeze, unfreeze or revoke', () => {
    expect(keys(holder, 'active')).not.toEqual(expect.arrayContaining(['freeze']));
    expect(keys(holder, 'frozen')).not.toContain('unfreeze');
    expect(keys(holder, 'active')).not.toContain('revoke');
  });

  it('lets an administrator unfreeze a frozen seal but not bind a UKey', () => {
    expect(keys(admin, 'frozen')).toContain('unfreeze');
    expect(keys(admin, 'active', true)).not.toContain('ukey_bind');
  });

  it('offers UKey binding only to a person holding a credential of a usable seal', () => {
    expect(keys(holder, 'active', true)).toContain('ukey_bind');
    expect(keys(holder, 'active', false)).not.toContain('ukey_bind');
    expect(keys(holder, 'frozen', true)).not.toContain('ukey_bind');
  });

  it('offers 领取 only to a person who has not claimed the seal', () => {
    expect(keys(holder, 'active', false)).toContain('claim');
    expect(keys(holder, 'active', true)).not.toContain('claim');
  });

  it('offers 解绑 instead of 绑定 once the credential is on a UKey', () => {
    expect(keys(holder, 'active', 'ukey')).toContain('ukey_unbind');
    expect(keys(holder, 'active', 'ukey')).not.toContain('ukey_bind');
    expect(keys(holder, 'active', true)).not.toContain('ukey_unbind');
  });

  it('offers nothing on a revoked seal', () => {
    expect(keys(legalRep, 'revoked', true)).toEqual([]);
  });

  it('offers nothing to a person with no rights on the seal', () => {
    const stranger: Actor = { personId: 'p-x', legalRepresentativeOf: [], grants: [] };
    expect(keys(stranger, 'active', true)).toEqual([]);
  });
});
