import type { RequestBody, grantDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../platform';
import { formatBeijingDateTime } from '@seal/shared/time';

export type GrantList = grantDto.GrantListResponse;
export type GrantView = grantDto.GrantView;

/** 授权管理: grants I may cancel (我管理的印章) and grants made to me. */
export function fetchGrants(): Promise<GrantList> {
  return call(routes.grantsList);
}

/** 在线授权's request; the phone always grants the phone medium. */
export type NewGrant = Omit<RequestBody<typeof routes.grantCreate>, 'medium'>;

/** 在线授权 (face ticket for grant.authorize_<role> on exactly these seals). */
export function createGrant(companyId: string, grant: NewGrant): Promise<GrantView> {
  return call(routes.grantCreate, { params: { companyId }, body: { ...grant, medium: 'phone' } });
}

/** 取消授权 online: no face check (permission matrix). */
export function cancelGrant(companyId: string, grantId: string): Promise<GrantView> {
  return call(routes.grantCancel, { params: { companyId, grantId } });
}

/** 失去的授权: why a grant made to me ended, in one line (取消授权, 营业执照变更…), with its Beijing time. */
export function endedGrantText(grant: GrantView): string {
  const seals = `${grant.sealIds.length}枚印章`;
  const when = grant.endedAt ? `于 ${formatBeijingDateTime(grant.endedAt)} ` : '';
  return `${grant.companyName ?? grant.companyId}的${seals}授权已${when}终止，原因：${grant.endReason ?? '授权已结束'}。相关印章不能再使用。`;
}
