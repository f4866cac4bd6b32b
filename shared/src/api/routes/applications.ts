import * as applications from '../dto/applications';
import { bytes, json, type Json, type Route } from '../route';

/** 印章申请, 窗口办理, the staff queue, 系统接入 and 自定义印章 (docs/decisions/0013, 0014). */

export const applyOnline = {
  method: 'POST',
  path: '/v1/companies/{companyId}/seal-applications',
  handler: 'apply-online',
  auth: 'session',
  summary: '在线申请印章（法定代表人，人脸核验）',
  action: 'seal.apply_online',
  params: applications.CompanyIdParams,
  body: applications.OnlineApplyRequest,
  response: applications.OnlineApplyResponse,
} satisfies Route;

export const licenceAuthorizationStart = {
  method: 'POST',
  path: '/v1/companies/{companyId}/licence-authorizations',
  handler: 'licence-authorization-start',
  auth: 'session',
  summary: '在线申请：发起电子营业执照验证（法定代表人）',
  action: 'seal.apply_online',
  params: applications.CompanyIdParams,
  response: applications.LicenceAuthorizationStarted,
} satisfies Route;

export const licenceAuthorizationResult = {
  method: 'POST',
  path: '/v1/licence-authorizations/{authorizationId}/result',
  handler: 'licence-authorization-result',
  auth: 'session',
  summary: '在线申请：电子营业执照验证结果',
  action: 'seal.apply_online',
  params: applications.LicenceParams,
  body: applications.LicenceResultRequest,
  response: applications.LicenceAuthorizationResult,
} satisfies Route;

export const submitWindowApplication = {
  method: 'POST',
  path: '/v1/applications',
  handler: 'submit-window-application',
  auth: 'session',
  summary: '提交窗口办理申请',
  action: 'window.submit',
  body: applications.WindowApplicationRequest,
  response: applications.ApplicationView,
} satisfies Route;

export const listMyApplications = {
  method: 'GET',
  path: '/v1/applications/mine',
  handler: 'list-my-applications',
  auth: 'session',
  summary: '我的申请及办理结果',
  query: applications.MyApplicationsQuery,
  response: applications.ApplicationList,
} satisfies Route;

export const getApplication = {
  method: 'GET',
  path: '/v1/applications/{applicationId}',
  handler: 'get-application',
  auth: 'session',
  summary: '查看申请',
  params: applications.ApplicationIdParams,
  response: applications.ApplicationView,
} satisfies Route;

export const downloadApplicationForm = {
  method: 'GET',
  path: '/v1/applications/{applicationId}/form.pdf',
  handler: 'download-application-form',
  auth: 'session',
  summary: '下载申请表',
  params: applications.ApplicationIdParams,
  response: bytes,
} satisfies Route;

export const withdrawApplication = {
  method: 'POST',
  path: '/v1/applications/{applicationId}/withdraw',
  handler: 'withdraw-application',
  auth: 'session',
  summary: '撤回申请（仅申请人，窗口受理前）',
  params: applications.ApplicationIdParams,
  body: applications.WithdrawApplicationRequest,
  response: applications.ApplicationView,
} satisfies Route;

export const resubmitApplication = {
  method: 'POST',
  path: '/v1/applications/{applicationId}/resubmit',
  handler: 'resubmit-application',
  auth: 'session',
  summary: '驳回后修改并重新提交（仅申请人）',
  action: 'window.submit',
  params: applications.ApplicationIdParams,
  body: applications.ResubmitApplicationRequest,
  response: applications.ApplicationView,
} satisfies Route;

export const previewCustomSeal = {
  method: 'POST',
  path: '/v1/companies/{companyId}/custom-seals/preview',
  handler: 'preview-custom-seal',
  auth: 'session',
  summary: '自定义印章模板预览（SVG）',
  action: 'custom_seal.apply',
  params: applications.CompanyIdParams,
  body: applications.CustomSealPreviewRequest,
  response: bytes,
} satisfies Route;

export const staffListApplications = {
  method: 'GET',
  path: '/v1/staff/applications',
  handler: 'staff-list-applications',
  auth: 'staff',
  summary: '窗口待办申请列表',
  action: 'application.review',
  query: applications.StaffQueueQuery,
  response: applications.ApplicationList,
} satisfies Route;

export const staffGetApplication = {
  method: 'GET',
  path: '/v1/staff/applications/{applicationId}',
  handler: 'staff-get-application',
  auth: 'staff',
  summary: '窗口查看申请（按申请编号）',
  action: 'application.review',
  params: applications.ApplicationIdParams,
  response: applications.ApplicationView,
} satisfies Route;

export const staffDownloadApplicationForm = {
  method: 'GET',
  path: '/v1/staff/applications/{applicationId}/form.pdf',
  handler: 'staff-download-application-form',
  auth: 'staff',
  summary: '窗口打印申请表',
  action: 'application.review',
  params: applications.ApplicationIdParams,
  response: bytes,
} satisfies Route;

export const staffApproveApplication = {
  method: 'POST',
  path: '/v1/staff/applications/{applicationId}/approve',
  handler: 'staff-approve-application',
  auth: 'staff',
  summary: '窗口审核通过',
  action: 'application.review',
  params: applications.ApplicationIdParams,
  body: applications.ApproveApplicationRequest,
  response: applications.ApplicationView,
} satisfies Route;

export const staffRejectApplication = {
  method: 'POST',
  path: '/v1/staff/applications/{applicationId}/reject',
  handler: 'staff-reject-application',
  auth: 'staff',
  summary: '窗口驳回申请',
  action: 'application.review',
  params: applications.ApplicationIdParams,
  body: applications.RejectApplicationRequest,
  response: applications.ApplicationView,
} satisfies Route;

export const listIntegrationClients = {
  method: 'GET',
  path: '/v1/companies/{companyId}/integration/clients',
  handler: 'list-integration-clients',
  auth: 'session',
  summary: '接入凭证列表',
  action: 'integration.manage_credentials',
  params: applications.CompanyIdParams,
  response: json as Json<applications.IntegrationClientList>,
} satisfies Route;

export const issueIntegrationSecret = {
  method: 'POST',
  path: '/v1/companies/{companyId}/integration/clients/{clientId}/secret',
  handler: 'issue-integration-secret',
  auth: 'session',
  summary: '签发或轮换接入密钥（仅显示一次）',
  action: 'integration.manage_credentials',
  params: applications.IntegrationClientParams,
  body: applications.ManageCredentialsRequest,
  response: applications.IssuedSecretResponse,
} satisfies Route;

export const revokeIntegrationClient = {
  method: 'POST',
  path: '/v1/companies/{companyId}/integration/clients/{clientId}/revoke',
  handler: 'revoke-integration-client',
  auth: 'session',
  summary: '吊销接入凭证',
  action: 'integration.manage_credentials',
  params: applications.IntegrationClientParams,
  body: applications.ManageCredentialsRequest,
  response: json as Json<applications.RevokedClientResponse>,
} satisfies Route;

export const integrationListSeals = {
  method: 'GET',
  path: '/v1/integration/seals',
  handler: 'integration-list-seals',
  auth: 'integration',
  summary: '接入系统查询本企业印章',
  action: 'integration.view_seals',
  response: json as Json<applications.IntegrationSealsResponse>,
} satisfies Route;
