import { DomainError, SEAL_KIND_LABELS, sealMachine, step, type SealEvent, type SealKind } from '@seal/shared';
import type { SealStore } from '../../ports/seal-store';
import { refusalFor } from '../seal/transition-seal';
import { liveSeals } from './create-seals';
import type { StoredPayload, StoredRequest } from './payload';

const SEAL_EVENT: Partial<Record<StoredRequest['kind'], SealEvent>> = { freeze: 'freeze', unfreeze: 'unfreeze', revoke: 'revoke' };

async function namedSeals(store: SealStore, companyId: string, sealIds: readonly string[], event?: SealEvent) {
  const seals = [];
  for (const sealId of sealIds) {
    const seal = await store.seals.get(sealId);
    if (!seal || seal.companyId !== companyId) throw new DomainError('SEAL_NOT_FOUND', `未找到该印章：${sealId}`);
    if (event) {
      // The same machine decides as will decide at approval: window staff firing this event now.
      const result = step(sealMachine, seal.state, event, 'window_staff');
      if (!result.ok) throw new DomainError(refusalFor(seal.state), `${seal.name}：当前状态不能办理该业务`);
    } else if (seal.state === 'revoked') throw new DomainError('SEAL_REVOKED', `${seal.name}已注销，不能授权`);
    seals.push({ sealId: seal.sealId, kind: seal.kind, name: seal.name });
  }
  return seals;
}

async function refuseHeldKinds(store: SealStore, companyId: string, kinds: readonly SealKind[]) {
  const held = new Set((await liveSeals(store, companyId)).map((s) => s.kind));
  const duplicate = kinds.find((k) => held.has(k));
  if (duplicate) throw new DomainError('ALREADY_EXISTS', `该商事主体已有${SEAL_KIND_LABELS[duplicate]}，无需重复申请`);
}

/**
 * Is the form about things that exist and are in a state where approval can take effect? Run at
 * submission (so the printed form is right) and again just before approval (things change while
 * the applicant walks to the window). Returns what the form names, for printing.
 */
export async function checkTargets(store: SealStore, company: { companyId: string }, request: StoredRequest): Promise<Pick<StoredPayload, 'seals' | 'grants'>> {
  const { companyId } = company;
  switch (request.kind) {
    case 'apply':
    case 'change':
      await refuseHeldKinds(store, companyId, request.kinds);
      for (const g of request.grants ?? []) {
        if (g.kinds.some((k) => !request.kinds.includes(k))) throw new DomainError('VALIDATION_FAILED', '授权的印章须在本次申请的印章之中');
      }
      return {};
    case 'authorize':
      return { seals: await namedSeals(store, companyId, [...new Set(request.grants.flatMap((g) => g.sealIds))]) };
    case 'freeze':
    case 'unfreeze':
    case 'revoke':
      return { seals: await namedSeals(store, companyId, request.sealIds, SEAL_EVENT[request.kind]) };
    case 'cancel_authorization': {
      const grants = [];
      for (const grantId of request.grantIds) {
        const grant = await store.grants.get(companyId, grantId);
        if (!grant || grant.state !== 'active') throw new DomainError('GRANT_NOT_FOUND', `未找到有效的授权：${grantId}`);
        grants.push({ grantId, granteeName: grant.granteeName, role: grant.role, sealIds: grant.sealIds });
      }
      return { grants, seals: await namedSeals(store, companyId, [...new Set(grants.flatMap((g) => g.sealIds))].filter(Boolean)).catch(() => []) };
    }
    case 'custom_seal':
    case 'system_integration':
      return {};
  }
}
