import { ACTIONS, type GrantRole } from '../../../domain';

// What the new grantee will be able to do, read from the permission matrix (so the success text
// never promises what the role cannot: an administrator does not claim or sign).
const GRANTEE_HIGHLIGHTS = ['seal.claim', 'seal.sign', 'grant.authorize_holder', 'seal.freeze', 'seal.unfreeze', 'seal.revoke', 'seal.renew'] as const;

export function granteeCanText(role: GrantRole): string {
  const labels = GRANTEE_HIGHLIGHTS.filter((a) => (ACTIONS[a].roles as readonly string[]).includes(role)).map((a) => ACTIONS[a].label);
  const cannot = role === 'seal_administrator' ? '；印章管理员不领取印章，也不能签章' : '';
  return `被授权人登录小程序后即可办理：${labels.join('、')}${cannot}。`;
}
