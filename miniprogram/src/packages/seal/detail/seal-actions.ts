import { canSign, eventsFrom, sealMachine, type SealState } from '../../../domain';
import { hasClaimed, type Me } from '../../../services/me';
import { mayOnSeals } from '../../../services/permissions';
import type { VisibleSeal } from '../../../services/seals';

export interface SealAction {
  label: string;
  /** The page to open. */
  url: string;
}

const LIFECYCLE_EVENTS = new Set(['freeze', 'unfreeze', 'revoke']);
const WINDOW_LABELS: Record<string, string> = { freeze: '窗口冻结', unfreeze: '窗口解冻', revoke: '窗口注销' };

/**
 * What this person may do with this seal now. Online actions come from the API's list (the
 * permission matrix and the seal machine, server-side); PIN actions need my own credential; the
 * window variants are shown when the seal machine allows the event from this state.
 */
export function sealActions(me: Me, companyId: string, seal: VisibleSeal): SealAction[] {
  const q = `companyId=${companyId}&sealId=${seal.sealId}`;
  // A revoked seal keeps no usable credential, whatever `routes.me` last said.
  const claimed = hasClaimed(me, seal.sealId) && seal.state !== 'revoked';
  const actions: SealAction[] = [];
  const ids = [seal.sealId];
  for (const allowed of seal.actions) {
    if (allowed.event === 'claim' && !claimed) actions.push({ label: '印章领取', url: `/packages/seal/claim/index?${q}` });
    if (LIFECYCLE_EVENTS.has(allowed.event))
      actions.push({ label: `在线${allowed.label}`, url: `/packages/seal/lifecycle/index?event=${allowed.event}&${q}` });
    if (allowed.event === 'renew') actions.push({ label: '续期', url: `/packages/seal/lifecycle/index?event=renew&${q}` });
  }
  if (claimed && canSign(seal.state as SealState) && mayOnSeals(me, 'seal.sign', companyId, ids))
    actions.push({ label: '文件签章', url: `/packages/sign/index/index?${q}` });
  if (claimed && mayOnSeals(me, 'credential.change_pin', companyId, ids))
    actions.push({ label: '修改签章密码', url: `/packages/seal/pin/index?mode=change&${q}` });
  if (claimed && mayOnSeals(me, 'credential.reset_pin', companyId, ids))
    actions.push({ label: '忘记签章密码', url: `/packages/seal/pin/index?mode=reset&${q}` });
  const isLegalRep = me.companies.some((c) => c.companyId === companyId);
  if (isLegalRep) {
    for (const event of eventsFrom(sealMachine, seal.state as SealState))
      if (WINDOW_LABELS[event]) actions.push({ label: WINDOW_LABELS[event]!, url: `/packages/apply/window/index?kind=${event}&${q}` });
  }
  // What the seal signed stays readable after it is revoked: those who answer for it may still be asked.
  if (mayOnSeals(me, 'seal.view_signing_records', companyId, ids))
    actions.push({ label: '用印记录', url: `/packages/seal/records/index?${q}` });
  return actions;
}
