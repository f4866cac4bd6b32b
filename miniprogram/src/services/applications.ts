import type { RequestBody, applicationDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call, routePath, shareFile } from '../platform';

export type ApplicationView = applicationDto.ApplicationView;
export type WindowApplication = RequestBody<typeof routes.submitWindowApplication>;

/** 在线申请 (legal representative; face ticket for `seal.apply_online` on the company). */
export function applyOnline(companyId: string, body: RequestBody<typeof routes.applyOnline>) {
  return call(routes.applyOnline, { params: { companyId }, body });
}

/** 电子营业执照验证 begins (the legal representative, for the company): what the phone shows to present the licence. */
export function startLicenceAuthorization(companyId: string) {
  return call(routes.licenceAuthorizationStart, { params: { companyId } });
}

/** The presentation authorized (or declined): the licence as verified, or the way to the window. */
export function finishLicenceAuthorization(authorizationId: string, presented: boolean) {
  return call(routes.licenceAuthorizationResult, { params: { authorizationId }, body: { presented } });
}

/** 窗口办理: the application is recorded; the applicant prints its form and takes it to the window. */
export function submitWindowApplication(application: WindowApplication): Promise<ApplicationView> {
  return call(routes.submitWindowApplication, { body: application });
}

/**
 * 修改后重新提交: a rejected application, corrected, goes back to the window as a new application
 * (new 申请编号 and form); the rejected one must still be the version read.
 */
export function resubmitApplication(
  rejected: Pick<ApplicationView, 'applicationId' | 'version'>,
  request: WindowApplication,
): Promise<ApplicationView> {
  return call(routes.resubmitApplication, {
    params: { applicationId: rejected.applicationId },
    body: { request, expectedVersion: rejected.version },
  });
}

export async function fetchMyApplications(): Promise<ApplicationView[]> {
  const { items } = await call(routes.listMyApplications);
  return items;
}

export function fetchApplication(applicationId: string): Promise<ApplicationView> {
  return call(routes.getApplication, { params: { applicationId } });
}

/** 撤回申请: only the applicant, only before the window has decided (the version read must still hold). */
export function withdrawApplication(application: Pick<ApplicationView, 'applicationId' | 'version'>): Promise<ApplicationView> {
  return call(routes.withdrawApplication, {
    params: { applicationId: application.applicationId },
    body: { expectedVersion: application.version },
  });
}

/** The form's file name: 印章申请表-…, 系统接入申请表-… (a kind already ending in 申请 is not doubled). */
export function applicationFormName(application: Pick<ApplicationView, 'reference' | 'kindLabel'>): string {
  const kind = application.kindLabel.replace(/申请$/, '');
  return `${kind}申请表-${application.reference}.pdf`;
}

/**
 * 下载申请表: sends the form to a chat (WeChat) or downloads it (H5). The path is built from the
 * route rather than taken from `formUrl`, whose origin is the server's public one.
 */
export function downloadApplicationForm(application: Pick<ApplicationView, 'applicationId' | 'reference' | 'kindLabel'>): Promise<void> {
  return shareFile({
    name: applicationFormName(application),
    url: routePath(routes.downloadApplicationForm, { applicationId: application.applicationId }),
  });
}
