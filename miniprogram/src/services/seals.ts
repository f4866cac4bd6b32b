import type { RequestBody, grantDto, sealDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';

export type CompanySeals = grantDto.CompanySealsResponse;
export type VisibleSeal = grantDto.VisibleSeal;

/** A company's seals as I may see them, each with the actions my role may take from its state. */
export function fetchCompanySeals(companyId: string): Promise<CompanySeals> {
  return call(routes.companySeals, { params: { companyId } });
}

/** 印章领取: face ticket for `seal.claim` on this seal, the new PIN twice; the phone claims on the phone medium. */
export function claimSeal(sealId: string, body: Omit<RequestBody<typeof routes.claimSeal>, 'medium'>) {
  return call(routes.claimSeal, { params: { sealId }, body: { ...body, medium: 'phone' } });
}

/** 修改签章密码 (face ticket for `credential.change_pin`). */
export function changePin(sealId: string, body: RequestBody<typeof routes.changePin>) {
  return call(routes.changePin, { params: { sealId }, body });
}

/** 忘记签章密码 (face ticket for `credential.reset_pin`): a new PIN and a new certificate. */
export function resetPin(sealId: string, body: RequestBody<typeof routes.resetPin>) {
  return call(routes.resetPin, { params: { sealId }, body });
}

export type SealBatch = sealDto.SealBatchResponse;

export function freezeSeals(companyId: string, body: RequestBody<typeof routes.freezeSeals>) {
  return call(routes.freezeSeals, { params: { companyId }, body });
}

export function unfreezeSeals(companyId: string, body: RequestBody<typeof routes.unfreezeSeals>) {
  return call(routes.unfreezeSeals, { params: { companyId }, body });
}

export function revokeSeals(companyId: string, body: RequestBody<typeof routes.revokeSeals>) {
  return call(routes.revokeSeals, { params: { companyId }, body });
}

/** 续期 needs no face check. */
export function renewSeals(companyId: string, sealIds: string[]) {
  return call(routes.renewSeals, { params: { companyId }, body: { sealIds } });
}

/** 在线变更: after a licence change, apply again for these kinds (face ticket for the company). */
export function changeOnline(companyId: string, body: RequestBody<typeof routes.changeOnline>) {
  return call(routes.changeOnline, { params: { companyId }, body });
}

/** A batch answers 200 even when some seals were refused: the first refusal, in Chinese, or null. */
export function firstRefusal(batch: SealBatch): string | null {
  return batch.results.find((r) => !r.ok)?.error?.message ?? null;
}
