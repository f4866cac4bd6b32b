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

type Decision = { applicationId: string; kind: 'approve' | 'reject' };

function StaffQueue({ name }: { name: string }) {
  const [state, setState] = useState<ApplicationState>('submitted');
  const queue = useApi(() => call(routes.staffListApplications, { query: { state } }), [state]);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<string>();
  const [deciding, setDeciding] = useState<Decision>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const open = (d: Decision) => (setDeciding(d), setReason(''), setError(undefined), setNotice(undefined));
  const decide = async (a: applicationDto.ApplicationView) => {
    if (!deciding) return;
    setError(undefined);
    setBusy(true);
    try {
      if (deciding.kind === 'approve')
        await call(routes.staffApproveApplication, { params: { applicationId: a.applicationId }, body: { expectedVersion: a.version } });
      else
        await call(routes.staffRejectApplication, {
          params: { applicationId: a.applicationId },
          body: { reason: reason.trim(), expectedVersion: a.version },
        });
      setNotice(`申请 ${a.reference} 已${deciding.kind === 'approve' ? '审核通过' : '驳回'}`);
      setDeciding(undefined);
      queue.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
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
          {a.state === 'submitted' && deciding?.applicationId !== a.applicationId && (
            <div className="decide">
              <button className="button primary small" data-testid="approve" onClick={() => open({ applicationId: a.applicationId, kind: 'approve' })}>
                审核通过
              </button>
              <button className="button small" data-testid="reject" onClick={() => open({ applicationId: a.applicationId, kind: 'reject' })}>
                驳回
              </button>
            </div>
          )}
          {a.state === 'submitted' && deciding?.applicationId === a.applicationId && deciding.kind === 'approve' && (
            <div className="confirm" role="group" aria-label="确认审核通过" data-testid="confirm-approve">
              <p>
                确认审核通过申请 {a.reference}（{a.kindLabel}）？通过后立即生效，不能撤回；申请人将收到通知。请先核对申请人提交的纸质材料与上表一致。
              </p>
              <button className="button primary small" data-testid="confirm" disabled={busy} onClick={() => decide(a)}>
                确认通过
              </button>
              <button className="button small" disabled={busy} onClick={() => setDeciding(undefined)}>
                取消
              </button>
            </div>
          )}
          {a.state === 'submitted' && deciding?.applicationId === a.applicationId && deciding.kind === 'reject' && (
            <form className="confirm" data-testid="reject-form" onSubmit={(e) => (e.preventDefault(), decide(a))}>
              <label>
                驳回原因（将告知申请人，申请人可据此修改后重新提交）
                <textarea name="reason" value={reason} maxLength={200} required minLength={2} rows={3} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button className="button primary small" type="submit" data-testid="confirm" disabled={busy || reason.trim().length < 2}>
                确认驳回
              </button>
              <button className="button small" type="button" disabled={busy} onClick={() => setDeciding(undefined)}>
                取消
              </button>
            </form>
          )}
        </ApplicationCard>
      ))}
      {queue.data && queue.data.items.length === 0 && <p className="muted">暂无申请。</p>}
    </div>
  );
}

/** The form as the applicant submitted it (ID numbers already masked by the API), section by section. */
function FormSummary({ form }: { form: applicationDto.FormContent }) {
  return (
    <div className="form-content" data-testid="form-content">
      <p className="form-title">
        {form.title} <span className="muted">申请编号 {form.reference}</span>
      </p>
      {form.sections.map((section) => (
        <section key={section.heading}>
          <h4>{section.heading}</h4>
          <dl className="form-summary">
            {section.rows.map(([label, value], i) => (
              <div key={`${label}-${i}`}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
