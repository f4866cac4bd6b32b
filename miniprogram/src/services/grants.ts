import type { grantDto } from '@seal/shared';
import type { GrantRole } from '../domain';
import { request } from '../platform';

export type GrantList = grantDto.GrantListResponse;
export type GrantView = grantDto.GrantView;

/** 授权管理: grants I may cancel (我管理的印章) and grants made to me. */
export function fetchGrants(): Promise<GrantList> {
  return request<GrantList>({ path: '/v1/grants' });
}

export interface NewGrant {
  role: GrantRole;
  sealIds: string[];
  grantee: { name: string; idNumber: string; phone: string };
  faceTicket: string;
}

/** 在线授权 (face ticket for grant.authorize_<role> on exactly these seals). */
export function createGrant(companyId: string, grant: NewGrant): Promise<GrantView> {
  return request<GrantView>({
    path: `/v1/companies/${encodeURIComponent(companyId)}/grants`,
    method: 'POST',
    body: { ...grant, medium: 'phone' },
  });
}

/** 取消授权 online: no face check (permission matrix). */
export function cancelGrant(companyId: string, grantId: string): Promise<GrantView> {
  return request<GrantView>({
    path: `/v1/companies/${encodeURIComponent(companyId)}/grants/${encodeURIComponent(grantId)}/cancel`,
    method: 'POST',
    body: {},
  });
}
