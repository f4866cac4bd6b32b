import type { applicationDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { formatBeijingDateTime } from '@seal/shared/time';
import { call } from '../api/client';
import { saveBlob } from '../api/download';
import { useConfirmation } from '../components/confirmation';
import { ErrorBox } from '../components/status';
import { useState } from 'react';

/** The form as a PDF, fetched with the applicant's (or the staff member's) session, then saved. */
async function downloadForm(a: applicationDto.ApplicationView, staff: boolean | undefined): Promise<void> {
  const params = { applicationId: a.applicationId };
  const pdf = await (staff ? call(routes.staffDownloadApplicationForm, { params }) : call(routes.downloadApplicationForm, { params }));
  saveBlob(pdf, `申请表-${a.reference}.pdf`);
}

/** An application with its 申请编号, state and the form to print (applicant or staff side). */
export function ApplicationCard({
  application: a,
  staff,
  children,
  onWithdrawn,
  onCorrect,
}: {
  application: applicationDto.ApplicationView;
  staff?: boolean;
  children?: React.ReactNode;
  /** The applicant's side: 撤回申请 while it waits for the window; called once withdrawn. */
  onWithdrawn?: () => void;
  /** The applicant's side: 修改后重新提交, offered on a rejected application the API hands back to correct. */
  onCorrect?: (a: applicationDto.ApplicationView) => void;
}) {
  const { ask, dialog } = useConfirmation();
  const [error, setError] = useState<string>();
  const withdraw = async () => {
    const ok = await ask({
      title: '确定撤回该申请吗？',
      consequence: `撤回后申请编号 ${a.reference} 作废，窗口将不再受理；如需办理，须重新提交申请。`,
      confirmLabel: '确定撤回',
    });
    if (!ok) return;
    try {
      await call(routes.withdrawApplication, { params: { applicationId: a.applicationId }, body: { expectedVersion: a.version } });
      onWithdrawn?.();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="card application" data-testid="application" data-reference={a.reference}>
      <div className="application-head">
        <strong>{a.kindLabel}</strong> · {a.companyName} <span className={`state app-${a.state}`}>{a.stateLabel}</span>
      </div>
      <div className="muted">
        申请编号 <span data-testid="application-reference">{a.reference}</span> · 提交于{' '}
        <span data-testid="application-created">{formatBeijingDateTime(a.createdAt)}</span>
        {a.decisionReason && (
          <>
            {' · '}
            {a.state === 'rejected' ? '驳回原因' : '原因'}：<span data-testid="decision-reason">{a.decisionReason}</span>
          </>
        )}
        {a.resubmissionOf && ` · 修改后重新提交（原申请编号 ${a.resubmissionOf}）`}
        {a.resubmittedAs && ` · 已修改后重新提交，新申请编号 ${a.resubmittedAs}`}
      </div>
      <button className="button small" data-testid="download-form" onClick={() => void downloadForm(a, staff)}>
        下载申请表
      </button>
      {onCorrect && a.state === 'rejected' && a.correction && (
        <button className="button small primary" data-testid="correct" onClick={() => onCorrect(a)}>
          修改后重新提交
        </button>
      )}
      {onWithdrawn && a.state === 'submitted' && (
        <button className="button small" data-testid="withdraw" onClick={() => void withdraw()}>
          撤回申请
        </button>
      )}
      <ErrorBox error={error} />
      {dialog}
      {children}
    </div>
  );
}
