import { useState } from 'react';
import { APPLICATION_STATES, APPLICATION_STATE_LABELS, type ApplicationState, type applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveSession } from '../api/session-store';
import { useApi } from '../api/use-api';
import { ErrorBox } from '../components/status';
import { useSession } from '../shell/use-session';
import { ApplicationCard } from '../window/application-card';

/** 窗口工作台: staff sign in with their account, then work the queue of window applications. */
export function StaffPage() {
  const session = useSession('staff');
  return session ? <StaffQueue name={session.person.name} /> : <StaffLogin />;
}

function StaffLogin() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const login = async () => {
    setError(undefined);
    try {
      const s = await call(routes.staffLogin, { body: { username, password } });
      saveSession('staff', s);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="card narrow" onSubmit={(e) => (e.preventDefault(), login())} data-testid="staff-login">
      <h2>窗口工作人员登录</h2>
      <label>
        用户名
        <input name="username" value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" />
      </label>
      <label>
        密码
        <input
          name="password"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
      </label>
      <ErrorBox error={error} />
      <button className="button primary" type="submit">
        登录
      </button>
    </form>
  );
}

function StaffQueue({ name }: { name: string }) {
  const [state, setState] = useState<ApplicationState>('submitted');
  const queue = useApi(() => call(routes.staffListApplications, { query: { state } }), [state]);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const decide = async (a: applicationDto.ApplicationView, approve: boolean) => {
    setError(undefined);
    try {
      if (approve)
        await call(routes.staffApproveApplication, { params: { applicationId: a.applicationId }, body: { expectedVersion: a.version } });
      else {
        const reason = window.prompt('驳回原因（将告知申请人）');
        if (!reason) return;
        await call(routes.staffRejectApplication, {
          params: { applicationId: a.applicationId },
          body: { reason, expectedVersion: a.version },
        });
      }
      setNotice(`申请 ${a.reference} 已${approve ? '审核通过' : '驳回'}`);
      queue.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div data-testid="staff-queue">
      <h2>
        窗口待办申请 <span className="muted">工作人员：{name}</span>{' '}
        <button className="link" onClick={() => (call(routes.staffLogout).catch(() => undefined), saveSession('staff', null))}>
          退出
        </button>
      </h2>
      <div className="tabs">
        {APPLICATION_STATES.map((s) => (
          <button key={s} className={s === state ? 'tab active' : 'tab'} onClick={() => setState(s)}>
            {APPLICATION_STATE_LABELS[s]}
          </button>
        ))}
      </div>
      {notice && <p className="ok">{notice}</p>}
      <ErrorBox error={error ?? queue.error} />
      {(queue.data?.items ?? []).map((a) => (
        <ApplicationCard key={a.applicationId} application={a} staff>
          <FormSummary form={a.form} />
          {a.state === 'submitted' && (
            <div className="decide">
              <button className="button primary small" data-testid="approve" onClick={() => decide(a, true)}>
                审核通过
              </button>
              <button className="button small" data-testid="reject" onClick={() => decide(a, false)}>
                驳回
              </button>
            </div>
          )}
        </ApplicationCard>
      ))}
      {queue.data && queue.data.items.length === 0 && <p className="muted">暂无申请。</p>}
    </div>
  );
}

/** What the form says (ID numbers already masked by the API), as label: value lines. */
function FormSummary({ form }: { form: Record<string, unknown> }) {
  return (
    <dl className="form-summary">
      {Object.entries(form).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
