import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveSession } from '../api/session-store';
import { Link, navigate } from './router';
import { companiesOf, useMe } from './me-context';
import { useSession } from './use-session';

const MENU = [
  { to: '/seals', label: '我的印章' },
  { to: '/sign', label: '在线签章' },
  { to: '/business', label: '业务办理' },
  { to: '/apps', label: '应用中心' },
  { to: '/audit', label: '审计记录' },
  { to: '/verify', label: '免登录文档验证' },
];

async function logout() {
  await call(routes.logout).catch(() => undefined);
  saveSession('person', null);
  navigate('/');
}

/** On the window workbench the header names the staff member signed in (a person's login has no place there). */
function StaffAccount() {
  const staff = useSession('staff');
  return (
    <div className="account" data-testid="account">
      <span className="account-name">{staff ? `窗口工作人员：${staff.person.name}` : '窗口工作台'}</span>
    </div>
  );
}

/** Who is logged in and for which companies, always visible at the top. */
function Account() {
  const session = useSession('person');
  const { me } = useMe();
  if (!session)
    return (
      <Link to="/login" className="button primary">
        立即登录
      </Link>
    );
  const companies = companiesOf(me);
  return (
    <div className="account" data-testid="account">
      <span className="account-name">{session.person.name}</span>
      <span className="account-id">{session.person.idNumberMasked}</span>
      <span className="account-companies" data-testid="account-companies">
        {companies.length ? companies.map((c) => `${c.name}（${c.roles.join('、')}）`).join('；') : '暂无关联企业'}
      </span>
      <button className="link" onClick={logout}>
        退出登录
      </button>
    </div>
  );
}

export function Layout({ path, children }: { path: string; children: React.ReactNode }) {
  return (
    <div className="app">
      <header className="topbar">
        <Link to="/" className="brand">
          <span className="brand-mark">印</span> 统一电子印章管理平台
        </Link>
        {path.startsWith('/staff') ? <StaffAccount /> : <Account />}
      </header>
      <div className="body">
        <nav className="sidebar">
          {MENU.map((m) => (
            <Link key={m.to} to={m.to} className={path.startsWith(m.to) ? 'active' : ''}>
              {m.label}
            </Link>
          ))}
          <Link to="/staff" className={path.startsWith('/staff') ? 'active staff-link' : 'staff-link'}>
            窗口工作台
          </Link>
        </nav>
        <main className="content">{children}</main>
      </div>
      <footer className="footer">
        <nav aria-label="帮助与说明">
          <Link to="/help">帮助与常见问题</Link> · <Link to="/privacy">隐私保护指引</Link> · <Link to="/agreement">用户服务协议</Link>
        </nav>
        <div>电子印章平台（开源实现，本地演示环境） · 数据均为虚构 · 页面时间均为北京时间</div>
      </footer>
    </div>
  );
}

/** Pages that need a person's session send the visitor to the QR login first. */
export function RequireLogin({ children }: { children: React.ReactNode }) {
  const session = useSession('person');
  if (!session)
    return (
      <div className="card center">
        <h2>请先登录</h2>
        <p>本功能需要扫码登录后使用。</p>
        <Link to="/login" className="button primary">
          立即登录
        </Link>
      </div>
    );
  return <>{children}</>;
}
