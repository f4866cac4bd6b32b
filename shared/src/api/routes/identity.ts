import { route } from '../route';

/** Identity, grants, registry notifications and QR confirmation (decision notes 0010, 0011). */
export const identityRoutes = [
  // Phone login: wx.login → face check → session.
  route('POST', '/v1/login/wechat', 'login-wechat', 'public', '微信登录：以 wx.login 凭证开始登录'),
  route('POST', '/v1/login/{loginId}/face-checks', 'login-face-check-start', 'public', '登录人脸核验：开始'),
  route('POST', '/v1/login/{loginId}/face-checks/{ticketId}/result', 'login-face-check-result', 'public', '登录人脸核验：结果'),
  route('POST', '/v1/login/{loginId}/session', 'login-session', 'public', '登录：以人脸核验票据换取会话'),
  route('POST', '/v1/sessions/logout', 'logout', 'session', '退出登录（所有设备）'),
  route('POST', '/v1/staff/sessions', 'staff-login', 'public', '窗口工作人员登录'),
  route('POST', '/v1/staff/sessions/logout', 'staff-logout', 'staff', '窗口工作人员退出登录'),
  route('GET', '/v1/dev/test-identities', 'dev-test-identities', 'public', '本地测试身份（生产环境不可用）'),
  // Face checks for actions that need 人脸核验.
  route('POST', '/v1/face-checks', 'face-check-start', 'session', '人脸核验：开始'),
  route('POST', '/v1/face-checks/{ticketId}/result', 'face-check-result', 'session', '人脸核验：结果'),
  // Who am I, what may I see.
  route('GET', '/v1/me', 'me', 'session', '我的：身份、企业、授权、已领取印章'),
  route('GET', '/v1/companies/{companyId}/seals', 'company-seals', 'session', '企业印章列表（按角色可见，附可办理业务）'),
  // Grants (在线授权 / 在线取消 / 授权管理).
  route('GET', '/v1/grants', 'grants-list', 'session', '授权管理：我管理的和我持有的授权'),
  route('POST', '/v1/companies/{companyId}/grants', 'grant-create', 'session', '在线授权'),
  route('POST', '/v1/companies/{companyId}/grants/{grantId}/cancel', 'grant-cancel', 'session', '在线取消授权'),
  // Business-licence registry change notifications.
  route('POST', '/v1/registry/notifications', 'registry-notification', 'registry', '营业执照系统变更通知'),
  // QR confirmation (扫一扫).
  route('POST', '/v1/login-challenges', 'login-challenge-create', 'public', '电脑端扫码登录：生成二维码'),
  route('POST', '/v1/challenges', 'challenge-create', 'session', '电脑端业务确认：生成二维码'),
  route('POST', '/v1/challenges/{challengeId}/poll', 'challenge-poll', 'public', '电脑端查询二维码确认结果'),
  route('GET', '/v1/challenges/{challengeId}', 'challenge-summary', 'session', '手机扫码：查看待确认的业务'),
  route('POST', '/v1/challenges/{challengeId}/approve', 'challenge-approve', 'session', '手机扫码：确认'),
  route('POST', '/v1/challenges/{challengeId}/reject', 'challenge-reject', 'session', '手机扫码：拒绝'),
];
