// Test identities the H5 login simulator offers. The local stack's WeChat adapter maps the
// simulated code `sim:<id>` to the person below; production refuses such codes.
export interface TestIdentity {
  id: string;
  name: string;
  role: string;
}

export const TEST_IDENTITIES: readonly TestIdentity[] = [
  { id: 'legal-rep', name: '张三', role: '法定代表人' },
  { id: 'seal-admin', name: '李四', role: '印章管理员' },
  { id: 'seal-holder', name: '王五', role: '印章持有人' },
  { id: 'newcomer', name: '赵六', role: '未获授权的个人' },
];

export function simulatedLoginCode(identityId: string): string {
  return `sim:${identityId}`;
}
