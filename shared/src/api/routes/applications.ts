import { route } from '../route';

/** 印章申请, 窗口办理, the staff queue, 系统接入 and 自定义印章 (docs/decisions/0013, 0014). */
export const applicationRoutes = [
  route('POST', '/v1/companies/{companyId}/seal-applications', 'apply-online', 'session', '在线申请印章（法定代表人，人脸核验）'),
  route('POST', '/v1/applications', 'submit-window-application', 'session', '提交窗口办理申请'),
  route('GET', '/v1/applications/mine', 'list-my-applications', 'session', '我的申请及办理结果'),
  route('GET', '/v1/applications/{applicationId}', 'get-application', 'session', '查看申请'),
  route('GET', '/v1/applications/{applicationId}/form.pdf', 'download-application-form', 'session', '下载申请表'),
  route('POST', '/v1/applications/{applicationId}/withdraw', 'withdraw-application', 'session', '撤回申请（仅申请人，窗口受理前）'),
  route('POST', '/v1/companies/{companyId}/custom-seals/preview', 'preview-custom-seal', 'session', '自定义印章模板预览（SVG）'),
  route('GET', '/v1/staff/applications', 'staff-list-applications', 'staff', '窗口待办申请列表'),
  route('GET', '/v1/staff/applications/{applicationId}', 'staff-get-application', 'staff', '窗口查看申请（按申请编号）'),
  route('GET', '/v1/staff/applications/{applicationId}/form.pdf', 'staff-download-application-form', 'staff', '窗口打印申请表'),
  route('POST', '/v1/staff/applications/{applicationId}/approve', 'staff-approve-application', 'staff', '窗口审核通过'),
  route('POST', '/v1/staff/applications/{applicationId}/reject', 'staff-reject-application', 'staff', '窗口驳回申请'),
  route('GET', '/v1/companies/{companyId}/integration/clients', 'list-integration-clients', 'session', '接入凭证列表'),
  route('POST', '/v1/companies/{companyId}/integration/clients/{clientId}/secret', 'issue-integration-secret', 'session', '签发或轮换接入密钥（仅显示一次）'),
  route('POST', '/v1/companies/{companyId}/integration/clients/{clientId}/revoke', 'revoke-integration-client', 'session', '吊销接入凭证'),
  route('GET', '/v1/integration/seals', 'integration-list-seals', 'integration', '接入系统查询本企业印章'),
];
