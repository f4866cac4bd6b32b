import type { applicationDto } from '@seal/shared';
import { request, shareFile } from '../platform';

export type ApplicationView = applicationDto.ApplicationView;
export type WindowApplication = applicationDto.WindowApplicationRequest;

/** 在线申请 (legal representative; face ticket for `seal.apply_online` on the company). */
export function applyOnline(companyId: string, input: { faceTicket: string; kinds: string[] }) {
  return request<applicationDto.OnlineApplyResponse>({
    path: `/v1/companies/${encodeURIComponent(companyId)}/seal-applications`,
    method: 'POST',
    body: input,
  });
}

/** 窗口办理: the application is recorded; the applicant prints its form and takes it to the window. */
export function submitWindowApplication(application: WindowApplication): Promise<ApplicationView> {
  return request<ApplicationView>({ path: '/v1/applications', method: 'POST', body: application });
}

export async function fetchMyApplications(): Promise<ApplicationView[]> {
  const { items } = await request<applicationDto.ApplicationList>({ path: '/v1/applications/mine' });
  return items;
}

export function fetchApplication(applicationId: string): Promise<ApplicationView> {
  return request<ApplicationView>({ path: `/v1/applications/${encodeURIComponent(applicationId)}` });
}

/**
 * 下载申请表: sends the form to a chat (WeChat) or downloads it (H5). The path is built here
 * rather than taken from `formUrl`, whose origin is the server's public one.
 */
export function downloadApplicationForm(application: Pick<ApplicationView, 'applicationId' | 'reference' | 'kindLabel'>): Promise<void> {
  return shareFile({
    name: `${application.kindLabel}申请表-${application.reference}.pdf`,
    url: `/v1/applications/${encodeURIComponent(application.applicationId)}/form.pdf`,
  });
}
