import type { applicationDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveBlob } from '../api/download';

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
        onClick={() => void downloadForm(a, staff)}
      >
        下载申请表
      </button>
      {children}
    </div>
  );
}
