import { route } from '../route';

/** 印章领取, 印章管理 (密码, 续期, 变更, 注销, 冻结, 解冻), the audit chain and the platform PKI (decision 0012). */
export const sealRoutes = [
  route('POST', '/v1/seals/{sealId}/claim', 'claim-seal', 'session', '印章领取（人脸核验，设置签章密码，签发证书）'),
  route('GET', '/v1/seals/{sealId}/credential', 'get-my-credential', 'session', '我领取的该枚印章的证书'),
  route('POST', '/v1/seals/{sealId}/pin', 'change-pin', 'session', '修改签章密码（人脸核验）'),
  route('POST', '/v1/seals/{sealId}/pin/reset', 'reset-pin', 'session', '忘记签章密码：重设密码并重新签发证书（人脸核验）'),
  route('POST', '/v1/companies/{companyId}/seals/freeze', 'freeze-seals', 'session', '在线冻结（人脸核验）'),
  route('POST', '/v1/companies/{companyId}/seals/unfreeze', 'unfreeze-seals', 'session', '在线解冻（人脸核验）'),
  route('POST', '/v1/companies/{companyId}/seals/revoke', 'revoke-seals', 'session', '在线注销（人脸核验）'),
  route('POST', '/v1/companies/{companyId}/seals/renew', 'renew-seals', 'session', '印章续期'),
  route('POST', '/v1/companies/{companyId}/change', 'change-online', 'session', '在线变更：营业执照变更后重新申请印章（人脸核验）'),
  route('GET', '/v1/companies/{companyId}/audit/verify', 'verify-audit-chain', 'session', '校验企业审计哈希链'),
  route('GET', '/v1/staff/companies/{companyId}/audit/verify', 'staff-verify-audit-chain', 'staff', '窗口校验企业审计哈希链'),
  route('GET', '/v1/pki/root', 'pki-root', 'public', '平台根证书（PEM）'),
  route('GET', '/v1/pki/crl', 'pki-crl', 'public', '证书吊销列表（DER）'),
  route('GET', '/v1/pki/certificates/{serial}/status', 'pki-certificate-status', 'public', '证书在某一时刻的状态'),
  route('POST', '/v1/pki/tsa', 'pki-timestamp', 'public', 'RFC 3161 时间戳服务'),
];
