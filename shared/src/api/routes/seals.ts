import * as seals from '../dto/seals';
import { bytes, json, type Json, type Route } from '../route';

/** 印章领取, 印章管理 (密码, 续期, 变更, 注销, 冻结, 解冻), the audit chain and the platform PKI (decision 0012). */

export const claimSeal = {
  method: 'POST',
  path: '/v1/seals/{sealId}/claim',
  handler: 'claim-seal',
  auth: 'session',
  summary: '印章领取（人脸核验，设置签章密码，签发证书）',
  action: 'seal.claim',
  params: seals.SealIdParams,
  body: seals.ClaimSealRequest,
  response: seals.ClaimSealResponse,
} satisfies Route;

export const getMyCredential = {
  method: 'GET',
  path: '/v1/seals/{sealId}/credential',
  handler: 'get-my-credential',
  auth: 'session',
  summary: '我领取的该枚印章的证书',
  action: 'seal.view',
  params: seals.SealIdParams,
  response: json as Json<seals.MyCredentialResponse>,
} satisfies Route;

/** The seal as the platform draws it on signed pages (SVG, paths only): for lists, the claim page and the seal chooser. */
export const sealImage = {
  method: 'GET',
  path: '/v1/seals/{sealId}/image',
  handler: 'seal-image',
  auth: 'session',
  summary: '印章图片（SVG，与签章外观一致）',
  action: 'seal.view',
  params: seals.SealIdParams,
  response: bytes,
} satisfies Route;

/** The seal's 印章数据: GB/T 38540 SES_Seal (DER, `.esl`) signed by the platform's SM2 seal maker (decision 0077). */
export const sealData = {
  method: 'GET',
  path: '/v1/seals/{sealId}/seal-data',
  handler: 'seal-data',
  auth: 'session',
  summary: '印章数据（GB/T 38540 SES_Seal，制章者 SM2 签名）',
  action: 'seal.view',
  params: seals.SealIdParams,
  response: bytes,
} satisfies Route;

export const changePin = {
  method: 'POST',
  path: '/v1/seals/{sealId}/pin',
  handler: 'change-pin',
  auth: 'session',
  summary: '修改签章密码（人脸核验）',
  action: 'credential.change_pin',
  params: seals.SealIdParams,
  body: seals.ChangePinRequest,
  response: seals.ChangePinResponse,
} satisfies Route;

export const resetPin = {
  method: 'POST',
  path: '/v1/seals/{sealId}/pin/reset',
  handler: 'reset-pin',
  auth: 'session',
  summary: '忘记签章密码：重设密码并重新签发证书（人脸核验）',
  action: 'credential.reset_pin',
  params: seals.SealIdParams,
  body: seals.ResetPinRequest,
  response: seals.ResetPinResponse,
} satisfies Route;

export const freezeSeals = {
  method: 'POST',
  path: '/v1/companies/{companyId}/seals/freeze',
  handler: 'freeze-seals',
  auth: 'session',
  summary: '在线冻结（人脸核验）',
  action: 'seal.freeze',
  params: seals.CompanyIdParams,
  body: seals.FreezeSealsRequest,
  response: seals.SealBatchResponse,
} satisfies Route;

export const unfreezeSeals = {
  method: 'POST',
  path: '/v1/companies/{companyId}/seals/unfreeze',
  handler: 'unfreeze-seals',
  auth: 'session',
  summary: '在线解冻（人脸核验）',
  action: 'seal.unfreeze',
  params: seals.CompanyIdParams,
  body: seals.UnfreezeSealsRequest,
  response: seals.SealBatchResponse,
} satisfies Route;

export const revokeSeals = {
  method: 'POST',
  path: '/v1/companies/{companyId}/seals/revoke',
  handler: 'revoke-seals',
  auth: 'session',
  summary: '在线注销（人脸核验）',
  action: 'seal.revoke',
  params: seals.CompanyIdParams,
  body: seals.RevokeSealsRequest,
  response: seals.SealBatchResponse,
} satisfies Route;

export const renewSeals = {
  method: 'POST',
  path: '/v1/companies/{companyId}/seals/renew',
  handler: 'renew-seals',
  auth: 'session',
  summary: '印章续期（人脸核验）',
  action: 'seal.renew',
  params: seals.CompanyIdParams,
  body: seals.RenewSealsRequest,
  response: seals.SealBatchResponse,
} satisfies Route;

export const changeOnline = {
  method: 'POST',
  path: '/v1/companies/{companyId}/change',
  handler: 'change-online',
  auth: 'session',
  summary: '在线变更：营业执照变更后重新申请印章（人脸核验）',
  action: 'seal.change_online',
  params: seals.CompanyIdParams,
  body: seals.OnlineChangeRequest,
  response: seals.OnlineChangeResponse,
} satisfies Route;

export const verifyAuditChain = {
  method: 'GET',
  path: '/v1/companies/{companyId}/audit/verify',
  handler: 'verify-audit-chain',
  auth: 'session',
  summary: '校验企业审计哈希链',
  action: 'audit.verify',
  params: seals.CompanyIdParams,
  response: seals.AuditVerifyResponse,
} satisfies Route;

export const staffVerifyAuditChain = {
  method: 'GET',
  path: '/v1/staff/companies/{companyId}/audit/verify',
  handler: 'staff-verify-audit-chain',
  auth: 'staff',
  summary: '窗口校验企业审计哈希链',
  action: 'audit.verify',
  params: seals.CompanyIdParams,
  response: seals.AuditVerifyResponse,
} satisfies Route;

export const listAuditEvents = {
  method: 'GET',
  path: '/v1/companies/{companyId}/audit/events',
  handler: 'list-audit-events',
  auth: 'session',
  summary: '审计记录（最新在前）',
  action: 'audit.view',
  params: seals.CompanyIdParams,
  query: seals.AuditEventsQuery,
  response: seals.AuditEventList,
} satisfies Route;

export const exportAuditTrail = {
  method: 'GET',
  path: '/v1/companies/{companyId}/audit/export',
  handler: 'export-audit-trail',
  auth: 'session',
  summary: '导出审计记录（含检查点与平台证书，可离线校验；分页）',
  action: 'audit.export',
  params: seals.CompanyIdParams,
  query: seals.AuditExportQuery,
  response: seals.AuditExport,
} satisfies Route;

export const pkiRoot = {
  method: 'GET',
  path: '/v1/pki/root',
  handler: 'pki-root',
  auth: 'public',
  summary: '平台根证书（PEM；?ca=sm2：SM2 根证书）',
  query: seals.PlatformCaQuery,
  response: bytes,
} satisfies Route;

export const pkiCrl = {
  method: 'GET',
  path: '/v1/pki/crl',
  handler: 'pki-crl',
  auth: 'public',
  summary: '证书吊销列表（DER；?ca=sm2：SM2 根 CA 的）',
  query: seals.PlatformCaQuery,
  response: bytes,
} satisfies Route;

export const pkiCertificateStatus = {
  method: 'GET',
  path: '/v1/pki/certificates/{serial}/status',
  handler: 'pki-certificate-status',
  auth: 'public',
  summary: '证书在某一时刻的状态',
  params: seals.CertificateStatusParams,
  query: seals.CertificateStatusQuery,
  response: seals.CertificateStatusResponse,
} satisfies Route;

export const pkiOcsp = {
  method: 'POST',
  path: '/v1/pki/ocsp',
  handler: 'pki-ocsp',
  auth: 'public',
  summary: 'OCSP 证书状态服务（RFC 6960）',
  body: bytes,
  response: bytes,
} satisfies Route;

export const pkiOcspGet = {
  method: 'GET',
  path: '/v1/pki/ocsp/{request}',
  handler: 'pki-ocsp-get',
  auth: 'public',
  summary: 'OCSP 证书状态服务（GET：路径中的 base64 请求）',
  params: seals.OcspGetParams,
  response: bytes,
} satisfies Route;

export const pkiTimestamp = {
  method: 'POST',
  path: '/v1/pki/tsa',
  handler: 'pki-timestamp',
  auth: 'public',
  summary: 'RFC 3161 时间戳服务',
  body: bytes,
  response: bytes,
} satisfies Route;
