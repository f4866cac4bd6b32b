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

/** 续期 of seals due or expired (face ticket for `seal.renew` on exactly these seals). */
export function renewSeals(companyId: string, body: RequestBody<typeof routes.renewSeals>) {
  return call(routes.renewSeals, { params: { companyId }, body });
}

/** 在线变更: after a licence change, apply again for these kinds (face ticket for the company). */
export function changeOnline(companyId: string, body: RequestBody<typeof routes.changeOnline>) {
  return call(routes.changeOnline, { params: { companyId }, body });
}

/** A batch answers 200 even when some seals were refused: the first refusal, in Chinese, or null. */
export function firstRefusal(batch: SealBatch): string | null {
  return batch.results.find((r) => !r.ok)?.error?.message ?? null;
}

const sealImages = new Map<string, Promise<string>>();

/**
 * The seal as the platform draws it on signed pages, as a `data:` URL an <Image> shows on WeChat
 * and H5 alike (the H5 policy allows `img-src data:`; the request carries the session token, which
 * an <img src> to the API could not). Kept per seal for the app's life: a seal's look never changes.
 */
export function fetchSealImage(sealId: string): Promise<string> {
  let image = sealImages.get(sealId);
  if (!image) {
    image = call(routes.sealImage, { params: { sealId } }).then(svgDataUrl);
    image.catch(() => sealImages.delete(sealId));
    sealImages.set(sealId, image);
  }
  return image;
}

/** The route draws only paths and numbers (ASCII), so the bytes are the text. */
export function svgDataUrl(bytes: ArrayBuffer): string {
  const codes = new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode(...codes.subarray(i, i + 8192));
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}
