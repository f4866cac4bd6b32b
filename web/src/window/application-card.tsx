import type { applicationDto } from '@seal/shared';
import { downloadFrom } from '../api/download';

/** An application with its 申请编号, state and the form to print (applicant or staff side). */
export function ApplicationCard({
  application: a,
  staff,
  children,
}: {
  application: applicationDto.ApplicationView;
  staff?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <div className="card application" data-testid="application" data-reference={a.reference}>
      <div className="application-head">
        <strong>{a.kindLabel}</strong> · {a.companyName} <span className={`state app-${a.state}`}>{a.stateLabel}</span>
      </div>
      <div className="muted">
        申请编号 <span data-testid="application-reference">{a.reference}</span> · 提交于{' '}
        {new Date(a.createdAt).toLocaleString('zh-CN', { hour12: false })}
        {a.decisionReason && ` · 原因：${a.decisionReason}`}
      </div>
      <button
        className="button small"
        data-testid="download-form"
        onClick={() =>
          downloadFrom(
            staff ? 'staff-download-application-form' : 'download-application-form',
            { applicationId: a.applicationId },
            `申请表-${a.reference}.pdf`,
          )
        }
      >
        下载申请表
      </button>
      {children}
    </div>
  );
}
