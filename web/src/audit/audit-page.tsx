import { useEffect, useState } from 'react';
import { ROLE_LABELS, auditActionLabel, type Role, type sealDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { formatBeijingDate, formatBeijingDateTime } from '@seal/shared/time';
import { call } from '../api/client';
import { ErrorBox, Loading } from '../components/status';
import { useMe } from '../shell/me-context';
import { exportTrail } from './export-trail';

const DAY_MS = 86_400_000;

/** 审计记录 (decision 0225): the legal representative's companies, each with its trail newest first and 导出. */
export function AuditPage() {
  const { me, loading } = useMe();
  if (loading && !me) return <Loading />;
  if (!me) return null;
  return (
    <div>
      <h2>审计记录</h2>
      <p className="muted">企业每一项印章业务都记入审计记录，记录前后相连并由平台定时加盖时间戳，任何删改都可被发现。导出的文件可用 seal audit verify 离线校验。</p>
      {me.companies.length === 0 && <p className="muted">审计记录仅供企业法定代表人查看和导出。</p>}
      {me.companies.map((c) => (
        <CompanyTrail key={c.companyId} companyId={c.companyId} name={c.name} />
      ))}
    </div>
  );
}

function CompanyTrail({ companyId, name }: { companyId: string; name: string }) {
  const [items, setItems] = useState<sealDto.AuditEventLink[]>([]);
  const [cursor, setCursor] = useState<string | undefined>();
  const [state, setState] = useState<'idle' | 'loading' | 'done'>('idle');
  const [error, setError] = useState<string>();
  const load = async (from?: string) => {
    setState('loading');
    try {
      const page = await call(routes.listAuditEvents, { params: { companyId }, query: from ? { cursor: from } : {} });
      setItems((shown) => (from ? [...shown, ...page.items] : page.items));
      setCursor(page.cursor);
      setState('done');
    } catch (e) {
      setError((e as Error).message);
      setState('done');
    }
  };
  useEffect(() => void load(), [companyId]);
  return (
    <section className="card" data-testid={`audit-${companyId}`}>
      <h3>
        {name} <span className="muted">统一社会信用代码 {companyId}</span>
      </h3>
      <ExportForm companyId={companyId} />
      <ErrorBox error={error} />
      {state === 'done' && items.length === 0 && !error && <p className="muted">暂无审计记录（新办理的业务约一秒后记入）。</p>}
      {items.length > 0 && (
        <table className="table" aria-label="审计记录">
          <thead>
            <tr>
              <th>序号</th>
              <th>时间（北京时间）</th>
              <th>业务</th>
              <th>办理人身份</th>
              <th>对象</th>
              <th>原因</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.seq} data-testid="audit-event">
                <td>{e.seq}</td>
                <td>{formatBeijingDateTime(e.at, { seconds: true })}</td>
                <td>{auditActionLabel(e.action)}</td>
                <td>{ROLE_LABELS[e.actorRole as Role] ?? e.actorRole}</td>
                <td className="muted">{e.subject}</td>
                <td>{e.reason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {cursor && (
        <button className="button" disabled={state === 'loading'} onClick={() => void load(cursor)}>
          加载更多
        </button>
      )}
    </section>
  );
}

function ExportForm({ companyId }: { companyId: string }) {
  const today = formatBeijingDate(Date.now());
  const [from, setFrom] = useState(formatBeijingDate(Date.now() - 29 * DAY_MS));
  const [to, setTo] = useState(today);
  const [progress, setProgress] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const count = await exportTrail(companyId, from, to, (n) => setProgress(`正在导出：已取得 ${n} 条记录`));
      setProgress(`已导出 ${from} 至 ${to} 的 ${count} 条记录及其检查点`);
    } catch (e) {
      setProgress(undefined);
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="window-form" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <label>
        起始日期
        <input type="date" value={from} max={today} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        截止日期
        <input type="date" value={to} max={today} onChange={(e) => setTo(e.target.value)} />
      </label>
      <button className="button primary" type="submit" disabled={busy}>
        导出
      </button>
      {progress && (
        <p className="ok" role="status">
          {progress}
        </p>
      )}
      <ErrorBox error={error} />
    </form>
  );
}
