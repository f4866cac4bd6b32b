import {
  ACTIONS,
  authorize,
  eventsFrom,
  sealMachine,
  transitionsFor,
  type Action,
  type Actor,
  type Proof,
  type SealEvent,
  type SealState,
  type identityDto,
} from '@seal/shared';

/** The permission matrix's Actor for the person on this desktop, from `routes.me`. */
export function actorOf(me: identityDto.MeResponse): Actor {
  return {
    personId: me.person.personId,
    legalRepresentativeOf: me.companies.map((c) => c.companyId),
    grants: me.grants.map((g) => ({ companyId: g.companyId, role: g.role, sealIds: g.sealIds })),
  };
}

export interface SealAction {
  key: SealEvent | 'ukey_bind' | 'ukey_unbind';
  action: Action;
  label: string;
  proof: Proof;
  /** Where it is done: here, on the phone (the mini-program), or confirmed by a QR code. */
  where: 'desktop' | 'phone' | 'qr';
}

/** Claiming sets the signing PIN and keeps the key with the phone: only in the mini-program. */
const PHONE_ONLY: readonly SealEvent[] = ['claim'];

/**
 * What this person may do with this seal now: the seal machine's events from its state, kept only
 * where the permission matrix allows the person (the same two tables the API enforces), plus the
 * UKey binding of a seal they hold a credential of. 领取 only for a seal they have not claimed;
 * 绑定 only for a credential on the phone, 解绑 only for one on a UKey.
 */
export function actionsFor(
  actor: Actor,
  companyId: string,
  seal: { sealId: string; state: string },
  credential: { medium: string } | null,
): SealAction[] {
  const target = { companyId, sealIds: [seal.sealId] };
  const out: SealAction[] = [];
  for (const event of new Set(eventsFrom(sealMachine, seal.state as SealState))) {
    const row = transitionsFor(sealMachine, event).find((t) => t.from.includes(seal.state as SealState) && t.action);
    if (!row?.action || !authorize(actor, row.action, target).allowed) continue;
    if (event === 'claim' && credential) continue;
    out.push({
      key: event,
      action: row.action,
      label: row.label,
      proof: ACTIONS[row.action].proof,
      where: PHONE_ONLY.includes(event) ? 'phone' : 'desktop',
    });
  }
  if (credential && (seal.state === 'active' || seal.state === 'renewal_due')) {
    const [key, action] = credential.medium === 'ukey' ? (['ukey_unbind', 'ukey.unbind'] as const) : (['ukey_bind', 'ukey.bind'] as const);
    if (authorize(actor, action, target).allowed) out.push({ key, action, label: ACTIONS[action].label, proof: 'face', where: 'qr' });
  }
  return out;
}
