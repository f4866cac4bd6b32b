import { useEffect, useState } from 'react';
import type { documentDto } from '@seal/shared/api';
import { formatBeijingDateTime } from '@seal/shared/time';
import { ErrorBox } from '../components/status';
import { downloadAllSigned, downloadBatchDocument, downloadBatchReport, pollBatch } from './batch-flow';

const POLL_MS = 1500;

/**
 * 批量签章进度: polls the job until nothing is pending (done, failed and pending counts; each
 * document's outcome with its Chinese message), then offers every signed file, all of them in one
 * ZIP, and the summary report the API writes (CSV).
 */
export function BatchProgress({ first, names }: { first: documentDto.SigningBatchView; names: ReadonlyMap<string, string> }) {
  const [view, setView] = useState(first);
  const [error, setError] = useState<string>();
  const [zipped, setZipped] = useState<number>();

  useEffect(() => {
    if (view.state === 'done') return;
    const timer = setTimeout(() => {
      pollBatch(view.batchId).then(setView, (e: Error) => setError(e.message));
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [view]);

  const nameOf = (d: documentDto.SigningBatchDocument) => d.name ?? names.get(d.documentId) ?? d.documentId;
  const signed = view.documents.filter((d) => d.state === 'signed');
  const done = view.state === 'done';
  const finished = view.signed + view.failed;
  const fail = (e: Error) => setError(e.message);
  return (
    <div className="card" data-testid="batch-progress" data-state={view.state}>
      <h3>{done ? '批量签章完成' : '正在批量签章…'}</h3>
      <p className="muted">发起时间 {formatBeijingDateTime(view.createdAt)}（北京时间）</p>
      <progress max={view.total} value={finished} aria-label="签章进度" />
      <p data-testid="batch-counts">
        共 {view.total} 份：已签章 {view.signed} 份，未签章 {view.failed} 份，处理中 {view.pending} 份
      </p>
      <div className="actions">
        <button
          className="button primary"
          data-testid="batch-download-all"
          disabled={signed.length === 0 || zipped !== undefined}
          onClick={() => {
            setZipped(0);
            downloadAllSigned(
              signed.map((d) => ({ documentId: d.documentId, name: nameOf(d) })),
              setZipped,
            )
              .catch(fail)
              .finally(() => setZipped(undefined));
          }}
        >
          {zipped !== undefined ? `正在打包 ${zipped}/${signed.length}…` : `全部下载（${signed.length} 份）`}
        </button>
        <button
          className="button"
          data-testid="batch-report"
          onClick={() => void downloadBatchReport(view.batchId, view.createdAt).catch(fail)}
        >
          下载汇总报告（CSV）
        </button>
      </div>
      <ErrorBox error={error} />
      <table className="table" data-testid="batch-documents">
        <thead>
          <tr>
            <th>文件</th>
            <th>结果</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {view.documents.map((d) => (
            <tr key={d.documentId} data-testid="batch-document" data-state={d.state}>
              <td>{nameOf(d)}</td>
              <td>
                {d.state === 'signed' && <span className="ok">签章成功</span>}
                {d.state === 'failed' && <span className="error">{d.error?.message ?? '签章失败'}</span>}
                {d.state === 'pending' && <span className="muted">处理中…</span>}
              </td>
              <td>
                {d.state === 'signed' && (
                  <button className="button small" onClick={() => void downloadBatchDocument(d.documentId, nameOf(d)).catch(fail)}>
                    下载
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
