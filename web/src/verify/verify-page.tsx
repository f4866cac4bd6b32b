import { useState } from 'react';
import { documentDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { uploadTo } from '../signing/sign-flow';
import { ErrorBox } from '../components/status';
import { ReportView } from './report-view';
import type { VerificationReportView } from './report-types';

/** Above the API Gateway payload limit the file goes through a presigned upload. */
const DIRECT_LIMIT = documentDto.MAX_INLINE_VERIFY_BYTES - 64 * 1024;

async function verify(file: File): Promise<VerificationReportView> {
  if (file.size <= DIRECT_LIMIT)
    return call(routes.verifyDocument, { body: { bytes: file, contentType: 'application/pdf' } });
  const ticket = await call(routes.createVerifyUpload, { body: { size: file.size } });
  await uploadTo(ticket, file);
  return call(routes.verifyUploadedDocument, { body: { documentId: ticket.documentId } });
}

/** 免登录文档验证: no login; upload a PDF, read the report. */
export function VerifyPage() {
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<VerificationReportView>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const choose = async (chosen: File | undefined) => {
    if (!chosen) return;
    setFile(chosen);
    setReport(undefined);
    setError(undefined);
    setBusy(true);
    try {
      setReport(await verify(chosen));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <h2>免登录文档验证</h2>
      <div className="card">
        <p>上传已签章的 PDF 文件，平台将校验每个电子签章的完整性、证书与时间戳，以及签章后文档是否被修改。文件仅用于本次验证。</p>
        <input type="file" accept="application/pdf,.pdf" aria-label="选择要验证的 PDF 文件" data-testid="verify-file" onChange={(e) => choose(e.target.files?.[0])} />
        {busy && <p className="muted">正在验证…</p>}
        <ErrorBox error={error} />
      </div>
      {report && file && <ReportView report={report} fileName={file.name} />}
    </div>
  );
}
