import type { grantDto, sealDto } from '@seal/shared';
import type { RevocationCategory } from '../domain';
import { request } from '../platform';

const company = (companyId: string) => `/v1/companies/${encodeURIComponent(companyId)}`;
const seal = (sealId: string) => `/v1/seals/${encodeURIComponent(sealId)}`;

export type CompanySeals = grantDto.CompanySealsResponse;
export type VisibleSeal = grantDto.VisibleSeal;

/** A company's seals as I may see them, each with the actions my role may take from its state. */
export function fetchCompanySeals(companyId: string): Promise<CompanySeals> {
  return request<CompanySeals>({ path: `${company(companyId)}/seals` });
}

/** 印章领取: face ticket for `seal.claim` on this seal, the new PIN twice. */
export function claimSeal(sealId: string, input: { faceTicket: string; pin: string; pinConfirm: string }) {
  return request<sealDto.ClaimSealResponse>({ path: `${seal(sealId)}/claim`, method: 'POST', body: { ...input, medium: 'phone' } });
}

/** 修改签章密码 (face ticket for `credential.change_pin`). */
export function changePin(sealId: string, input: { faceTicket: string; currentPin: string; newPin: string; newPinConfirm: string }) {
  return request<{ message: string }>({ path: `${seal(sealId)}/pin`, method: 'POST', body: input });
}

/** 忘记签章密码 (face ticket for `credential.reset_pin`): a new PIN and a new certificate. */
export function resetPin(sealId: string, input: { faceTicket: string; newPin: string; newPinConfirm: string }) {
  return request<sealDto.ClaimSealResponse>({ path: `${seal(sealId)}/pin/reset`, method: 'POST', body: input });
}

export type SealBatch = sealDto.SealBatchResponse;

export function freezeSeals(companyId: string, input: { faceTicket: string; sealIds: string[]; reason: string }) {
  return request<SealBatch>({ path: `${company(companyId)}/seals/freeze`, method: 'POST', body: input });
}

export function unfreezeSeals(companyId: string, input: { faceTicket: string; sealIds: string[]; reason: string }) {
  return request<SealBatch>({ path: `${company(companyId)}/seals/unfreeze`, method: 'POST', body: input });
}

export function revokeSeals(
  companyId: string,
  input: { faceTicket: string; sealIds: string[]; reason: { category: RevocationCategory; text?: string } },
) {
  return request<SealBatch>({ path: `${company(companyId)}/seals/revoke`, method: 'POST', body: input });
}

/** 续期 needs no face check. */
export function renewSeals(companyId: string, sealIds: string[]) {
  return request<SealBatch>({ path: `${company(companyId)}/seals/renew`, method: 'POST', body: { sealIds } });
}

/** 在线变更: after a licence change, apply again for these kinds (face ticket for the company). */
export function changeOnline(companyId: string, input: { faceTicket: string; kinds: string[] }) {
  return request<sealDto.OnlineChangeResponse>({ path: `${company(companyId)}/change`, method: 'POST', body: input });
}

/** A batch answers 200 even when some seals were refused: the first refusal, in Chinese, or null. */
export function firstRefusal(batch: SealBatch): string | null {
  return batch.results.find((r) => !r.ok)?.error?.message ?? null;
}
