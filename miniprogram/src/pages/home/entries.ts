import type { Action } from '../../domain';
import type { Me } from '../../services/me';
import { mayOnSomeCompany } from '../../services/permissions';

export interface HomeEntry {
  label: string;
  url: string;
  /** Tab pages open with switchTab. */
  tab?: boolean;
}

interface EntryRule extends HomeEntry {
  /** Shown when the matrix allows any of these on some company; none: any logged-in person. */
  actions?: Action[];
}

// The guide's 首页 services, in its order. Window variants are open to every signed-in person
// (window.submit), so 印章申请 and 系统接入 always show once logged in.
const RULES: EntryRule[] = [
  { label: '印章申请', url: '/packages/apply/index/index' },
  { label: '印章领取', url: '/packages/seal/claim/index', actions: ['seal.claim'] },
  { label: '印章授权', url: '/packages/grant/create/index', actions: ['grant.authorize_holder', 'grant.authorize_administrator'] },
  { label: '文件签章', url: '/packages/sign/index/index', actions: ['seal.sign'] },
  { label: '印章管理', url: '/pages/seals/index', tab: true, actions: ['seal.view'] },
  { label: '系统接入', url: '/packages/apply/window/index?kind=system_integration' },
  { label: '扫一扫', url: '/packages/scan/confirm/index' },
  { label: '文档验证', url: '/packages/seal/verify/index' },
];

const PUBLIC: HomeEntry[] = [{ label: '文档验证', url: '/packages/seal/verify/index' }];

/** The entries this person may use; without a login only the public 文档验证. */
export function homeEntries(me: Me | null): HomeEntry[] {
  if (!me) return PUBLIC;
  return RULES.filter((rule) => !rule.actions || rule.actions.some((action) => mayOnSomeCompany(me, action))).map(
    ({ label, url, tab }) => ({ label, url, tab }),
  );
}
