import { useState } from 'react';
import { APPLICATION_KIND_LABELS, type applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApplicationCard } from './application-card';
import { WINDOW_KINDS, WindowForm, type WindowKind } from './window-form';

/** 业务办理 → 窗口办理: pick a business, fill the form, download the application form; my applications below. */
export function BusinessPage() {
  const [kind, setKind] = useState<WindowKind>('apply');
  const [submitted, setSubmitted] = useState<applicationDto.ApplicationView>();
  const mine = useApi(() => call(routes.listMyApplications), [submitted?.applicationId]);
  return (
    <div>
      <h2>业务办理 · 窗口办理</h2>
      <div className="tabs">
        {WINDOW_KINDS.map((k) => (
          <button key={k} className={k === kind ? 'tab active' : 'tab'} onClick={() => (setKind(k), setSubmitted(undefined))}>
            {APPLICATION_KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <div className="card">
        {submitted ? (
          <div data-testid="submitted">
            <p className="ok">申请提交成功！请下载申请表，携带相关材料前往办事窗口。</p>
            <ApplicationCard application={submitted} />
            <button className="link" onClick={() => setSubmitted(undefined)}>
              继续办理
            </button>
          </div>
        ) : (
          <WindowForm key={kind} kind={kind} onSubmitted={setSubmitted} />
        )}
      </div>
      <h3>我的申请</h3>
      {(mine.data?.items ?? []).map((a) => (
        <ApplicationCard key={a.applicationId} application={a} onWithdrawn={mine.reload} />
      ))}
      {mine.data && mine.data.items.length === 0 && <p className="muted">暂无申请。</p>}
    </div>
  );
}
