import { useState } from 'react';
import { APPLICATION_KIND_LABELS, type applicationDto } from '@seal/shared';
import { materialsFactsOfForm } from '@seal/shared/content';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ApplicationCard } from './application-card';
import { WindowGuide } from './window-guide';
import { WINDOW_KINDS, WindowForm, isWindowKind, type WindowKind } from './window-form';

/** 业务办理 → 窗口办理: pick a business, fill the form, download the application form; my applications below. */
export function BusinessPage() {
  const [kind, setKind] = useState<WindowKind>('apply');
  const [submitted, setSubmitted] = useState<applicationDto.ApplicationView>();
  // A rejected application being corrected: the form opens on its business, filled in.
  const [correcting, setCorrecting] = useState<applicationDto.ApplicationView>();
  const mine = useApi(() => call(routes.listMyApplications), [submitted?.applicationId]);
  const correct = (a: applicationDto.ApplicationView) => {
    if (!isWindowKind(a.kind)) return;
    setKind(a.kind);
    setSubmitted(undefined);
    setCorrecting(a);
    window.scrollTo({ top: 0 });
  };
  return (
    <div>
      <h2>业务办理 · 窗口办理</h2>
      <div className="tabs">
        {WINDOW_KINDS.map((k) => (
          <button
            key={k}
            className={k === kind ? 'tab active' : 'tab'}
            onClick={() => (setKind(k), setSubmitted(undefined), setCorrecting(undefined))}
          >
            {APPLICATION_KIND_LABELS[k]}
          </button>
        ))}
      </div>
      <div className="card">
        {submitted ? (
          <div data-testid="submitted">
            <p className="ok">申请提交成功！请下载申请表，携带下列材料前往办事窗口。</p>
            <ApplicationCard application={submitted} />
            {isWindowKind(submitted.kind) && <WindowGuide kind={submitted.kind} facts={materialsFactsOfForm(submitted.form)} />}
            <button className="link" onClick={() => setSubmitted(undefined)}>
              继续办理
            </button>
          </div>
        ) : (
          <WindowForm
            key={correcting?.applicationId ?? kind}
            kind={kind}
            rejected={correcting}
            onSubmitted={(a) => (setCorrecting(undefined), setSubmitted(a))}
          />
        )}
      </div>
      <h3>我的申请</h3>
      {(mine.data?.items ?? []).map((a) => (
        <ApplicationCard
          key={a.applicationId}
          application={a}
          onWithdrawn={mine.reload}
          onCorrect={isWindowKind(a.kind) ? correct : undefined}
        />
      ))}
      {mine.data && mine.data.items.length === 0 && <p className="muted">暂无申请。</p>}
    </div>
  );
}
