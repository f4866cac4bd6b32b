import { beijingTime, CERTIFICATION_LEVEL_LABELS, SUB_INDICATION_LABELS } from '@seal/shared';
import { routePath } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import {
  modifiedAfterLabel,
  SIGNATURE_VERDICT_LABELS,
  VERDICT_LABELS,
  type SignatureReportView,
  type VerificationReportView,
} from './report-types';

const time = (iso: string | null | undefined) => (iso ? `${beijingTime(iso)}（北京时间）` : '—');

/** One verdict at the top, then each signature: seal image, company, signer, time, timestamp, what changed after. */
export function ReportView({ report, fileName }: { report: VerificationReportView; fileName: string }) {
  return (
    <div className="report" data-testid="verification-report">
      <div className={`verdict verdict-${report.verdict}`} data-testid="verdict" data-verdict={report.verdict}>
        <div className="verdict-title">{VERDICT_LABELS[report.verdict]}</div>
        <div className="verdict-file">
          {fileName} · 文件摘要（SHA-256）{report.sha256.slice(0, 16)}…
        </div>
        <ul>
          {report.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        {report.certification && <div className="verdict-certification">{CERTIFICATION_LEVEL_LABELS[report.certification.level]}</div>}
        {report.reportId && (
          // The report is kept a day; the link is its only key.
          <a className="button" href={routePath(routes.verificationReport, { reportId: report.reportId })} download={`验证报告-${report.sha256.slice(0, 8)}.pdf`}>
            下载验证报告（PDF）
          </a>
        )}
      </div>
      {report.signatures.length === 0 && <p className="muted">该文档没有电子签章。</p>}
      {report.signatures.map((s, i) => (
        <SignatureCard key={s.fieldName + i} index={i + 1} signature={s} />
      ))}
    </div>
  );
}

function SignatureCard({ signature: s, index }: { signature: SignatureReportView; index: number }) {
  return (
    <section className={`card signature signature-${s.verdict}`} data-testid="signature">
      <div className="signature-seal">
        {s.sealImageSvg ? (
          <img alt="印章图像" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(s.sealImageSvg)}`} />
        ) : (
          <div className="seal-missing">无印章图像</div>
        )}
      </div>
      <div className="signature-body">
        <h3>
          第 {index} 个{s.kind === 'document_timestamp' ? '文档时间戳' : '签章'} · <span className={`tag tag-${s.verdict}`}>{SIGNATURE_VERDICT_LABELS[s.verdict]}</span>
          {s.subIndication && (
            // The ETSI code stays in the markup for tools; a person reads its Chinese wording.
            <span className="muted" data-testid="indication" data-indication={s.indication} data-sub-indication={s.subIndication}>
              {' '}
              {SUB_INDICATION_LABELS[s.subIndication]}
            </span>
          )}
        </h3>
        <dl>
          <dt>印章</dt>
          <dd>{s.platform?.sealName ?? s.seal.name ?? '—'}</dd>
          <dt>企业</dt>
          <dd>
            {s.platform?.companyName ?? s.signer.organization ?? '—'}{' '}
            {(s.platform?.companyId ?? s.signer.creditCode) && (
              <span className="muted">{s.platform?.companyId ?? s.signer.creditCode}</span>
            )}
          </dd>
          <dt>签章人</dt>
          <dd>{s.signer.name ?? '—'}</dd>
          <dt>签章时间</dt>
          <dd>{time(s.signingTime)}</dd>
          <dt>时间戳</dt>
          <dd>{s.timestamp ? `${time(s.timestamp.time)}（${s.timestamp.valid ? '有效' : '无效'}）` : '无'}</dd>
          <dt>签章后改动</dt>
          <dd data-testid="modified-after">
            {s.integrity === 'broken' ? '签章覆盖的内容已被修改' : modifiedAfterLabel(s.modifiedAfter)}
            {s.modifications.length > 0 && (
              <ul>
                {s.modifications.map((m) => (
                  <li key={m.message}>{m.message}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
        {s.reasons.length > 0 && (
          <ul className="reasons" data-testid="signature-reasons">
            {s.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
