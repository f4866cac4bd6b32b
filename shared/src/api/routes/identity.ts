import * as challenges from '../dto/challenges';
import * as grants from '../dto/grants';
import * as identity from '../dto/identity';
import { json, type Json, type Route } from '../route';

/** Identity, grants, registry notifications and QR confirmation (decision notes 0010, 0011). */

// ---- Phone login: wx.login → face check → session.

export const loginWechat = {
  method: 'POST',
  path: '/v1/login/wechat',
  handler: 'login-wechat',
  auth: 'public',
  summary: '微信登录：以 wx.login 凭证开始登录',
  body: identity.WechatLoginRequest,
  response: identity.WechatLoginResponse,
} satisfies Route;

export const loginFaceCheckStart = {
  method: 'POST',
  path: '/v1/login/{loginId}/face-checks',
  handler: 'login-face-check-start',
  auth: 'public',
  summary: '登录人脸核验：开始',
  params: identity.LoginParams,
  body: identity.LoginFaceCheckRequest,
  response: identity.FaceCheckStarted,
} satisfies Route;

export const loginFaceCheckResult = {
  method: 'POST',
  path: '/v1/login/{loginId}/face-checks/{ticketId}/result',
  handler: 'login-face-check-result',
  auth: 'public',
  summary: '登录人脸核验：结果',
  params: identity.LoginTicketParams,
  body: identity.FaceCheckResultRequest,
  response: identity.FaceCheckResult,
} satisfies Route;

export const loginSession = {
  method: 'POST',
  path: '/v1/login/{loginId}/session',
  handler: 'login-session',
  auth: 'public',
  summary: '登录：以人脸核验票据换取会话',
  action: 'session.login',
  params: identity.LoginParams,
  body: identity.LoginSessionRequest,
  response: identity.SessionResponse,
} satisfies Route;

export const logout = {
  method: 'POST',
  path: '/v1/sessions/logout',
  handler: 'logout',
  auth: 'session',
  summary: '退出登录（所有设备）',
  response: json as Json<identity.LoggedOut>,
} satisfies Route;

export const staffLogin = {
  method: 'POST',
  path: '/v1/staff/sessions',
  handler: 'staff-login',
  auth: 'public',
  summary: '窗口工作人员登录',
  body: identity.StaffLoginRequest,
  response: identity.SessionResponse,
} satisfies Route;

export const staffLogout = {
  method: 'POST',
  path: '/v1/staff/sessions/logout',
  handler: 'staff-logout',
  auth: 'staff',
  summary: '窗口工作人员退出登录',
  response: json as Json<identity.LoggedOut>,
} satisfies Route;

export const devTestIdentities = {
  method: 'GET',
  path: '/v1/dev/test-identities',
  handler: 'dev-test-identities',
  auth: 'public',
  summary: '本地测试身份（生产环境不可用）',
  response: json as Json<identity.TestIdentityList>,
} satisfies Route;

// ---- Face checks for actions that need 人脸核验 (the action is in the body).

export const faceCheckStart = {
  method: 'POST',
  path: '/v1/face-checks',
  handler: 'face-check-start',
  auth: 'session',
  summary: '人脸核验：开始',
  body: identity.StartFaceCheckRequest,
  response: identity.FaceCheckStarted,
} satisfies Route;

export const faceCheckResult = {
  method: 'POST',
  path: '/v1/face-checks/{ticketId}/result',
  handler: 'face-check-result',
  auth: 'session',
  summary: '人脸核验：结果',
  params: identity.TicketParams,
  body: identity.FaceCheckResultRequest,
  response: identity.FaceCheckResult,
} satisfies Route;

// ---- Who am I, what may I see.

export const me = {
  method: 'GET',
  path: '/v1/me',
  handler: 'me',
  auth: 'session',
  summary: '我的：身份、企业、授权、已领取印章',
  response: identity.MeResponse,
} satisfies Route;

export const companySeals = {
  method: 'GET',
  path: '/v1/companies/{companyId}/seals',
  handler: 'company-seals',
  auth: 'session',
  summary: '企业印章列表（按角色可见，附可办理业务）',
  action: 'seal.view',
  params: grants.CompanyParams,
  response: grants.CompanySealsResponse,
} satisfies Route;

// ---- Grants (在线授权 / 在线取消 / 授权管理); the action depends on the role granted.

export const grantsList = {
  method: 'GET',
  path: '/v1/grants',
  handler: 'grants-list',
  auth: 'session',
  summary: '授权管理：我管理的和我持有的授权',
  response: grants.GrantListResponse,
} satisfies Route;

export const grantCreate = {
  method: 'POST',
  path: '/v1/companies/{companyId}/grants',
  handler: 'grant-create',
  auth: 'session',
  summary: '在线授权',
  params: grants.CompanyParams,
  body: grants.CreateGrantRequest,
  response: grants.GrantView,
} satisfies Route;

export const grantCancel = {
  method: 'POST',
  path: '/v1/companies/{companyId}/grants/{grantId}/cancel',
  handler: 'grant-cancel',
  auth: 'session',
  summary: '在线取消授权',
  params: grants.GrantParams,
  response: grants.GrantView,
} satisfies Route;

// ---- Business-licence registry change notifications.

export const registryNotification = {
  method: 'POST',
  path: '/v1/registry/notifications',
  handler: 'registry-notification',
  auth: 'registry',
  summary: '营业执照系统变更通知',
  action: 'company.licence_changed',
  body: identity.RegistryNotification,
  response: json as Json<identity.RegistryNotificationResult>,
} satisfies Route;

// ---- QR confirmation (扫一扫); approving counts as the challenge purpose's action.

export const loginChallengeCreate = {
  method: 'POST',
  path: '/v1/login-challenges',
  handler: 'login-challenge-create',
  auth: 'public',
  summary: '电脑端扫码登录：生成二维码',
  response: challenges.ChallengeCreated,
} satisfies Route;

export const challengeCreate = {
  method: 'POST',
  path: '/v1/challenges',
  handler: 'challenge-create',
  auth: 'session',
  summary: '电脑端业务确认：生成二维码',
  body: challenges.CreateChallengeRequest,
  response: challenges.ChallengeCreated,
} satisfies Route;

export const challengePoll = {
  method: 'POST',
  path: '/v1/challenges/{challengeId}/poll',
  handler: 'challenge-poll',
  auth: 'public',
  summary: '电脑端查询二维码确认结果',
  params: challenges.ChallengeParams,
  body: challenges.PollChallengeRequest,
  response: challenges.PollChallengeResponse,
} satisfies Route;

export const challengeSummary = {
  method: 'GET',
  path: '/v1/challenges/{challengeId}',
  handler: 'challenge-summary',
  auth: 'session',
  summary: '手机扫码：查看待确认的业务',
  params: challenges.ChallengeParams,
  response: challenges.ChallengeSummary,
} satisfies Route;

export const challengeApprove = {
  method: 'POST',
  path: '/v1/challenges/{challengeId}/approve',
  handler: 'challenge-approve',
  auth: 'session',
  summary: '手机扫码：确认',
  params: challenges.ChallengeParams,
  body: challenges.ApproveChallengeRequest,
  response: json as Json<challenges.ChallengeDecision>,
} satisfies Route;

export const challengeReject = {
  method: 'POST',
  path: '/v1/challenges/{challengeId}/reject',
  handler: 'challenge-reject',
  auth: 'session',
  summary: '手机扫码：拒绝',
  params: challenges.ChallengeParams,
  response: json as Json<challenges.ChallengeDecision>,
} satisfies Route;
