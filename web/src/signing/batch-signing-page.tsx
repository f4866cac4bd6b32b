import { useCallback, useMemo, useState } from 'react';
import type { documentDto } from '@seal/shared/api';
import { QrCode } from '../components/qr-code';
import { ErrorBox } from '../components/status';
import { useChallenge } from '../components/use-challenge';
import { Link } from '../shell/router';
import {
  askBatchApproval,
  isUploaded,
  signingBatchProblem,
  startApprovedBatch,
  uploadBatchFiles,
  type BatchFile,
  type UploadedFile,
} from './batch-flow';
import { BatchProgress } from './batch-progress';
import { ChooseSeal, type ChosenSeal } from './choose-seal';
import { CORNER_PAGE_LABELS, type CornerPage } from './corner-placement';
import { CornerPageSelect } from './corner-page-select';
import { sealSizePt } from './placement';

const UPLOAD_TEXT: Record<BatchFile['state'], string> = { waiting: '等待上传', uploading: '上传中…', uploaded: '已上传', refused: '' };

/**
 * 批量签章 (decisions 0165, 0210): one seal, up to 1,000 PDFs, the seal in the same corner of each;
 * the files upload a few at a time, the phone confirms the whole batch once with the signing PIN
 * (as one document's 扫码签章), then the job's progress, downloads and summary report. A seal bound
 * to a UKey signs its batches on /ukey-batch (decision 0186).
 */
export function BatchSigningPage() {
  const [seal, setSeal] = useState<ChosenSeal>();
  const [where, setWhere] = useState<CornerPage>('last');
  const [files, setFiles] = useState<File[]>([]);
  const [items, setItems] = useState<BatchFile[]>();
  const [confirming, setConfirming] = useState<UploadedFile[]>();
  const [batch, setBatch] = useState<documentDto.SigningBatchView>();
  const [error, setError] = useState<string>();
  const viaUkey = seal?.medium === 'ukey';
  const problem = files.length ? signingBatchProblem(files) : undefined;
  const started = items !== undefined;

  const upload = async () => {
    if (!seal?.sealId) return;
    setError(undefined);
    let current: BatchFile[] = files.map((f) => ({ name: f.name, state: 'waiting' }));
    setItems(current);
    await uploadBatchFiles(files, { where, size: sealSizePt(seal.kind) }, (i, change) => {
      current = current.map((item, j) => (j === i ? { ...item, ...change } : item));
      setItems(current);
    });
    const ready = current.filter(isUploaded);
    if (ready.length > 0) setConfirming(ready);
    else setError('没有可签章的文件');
  };

  const names = useMemo(() => new Map((items ?? []).filter(isUploaded).map((f) => [f.documentId, f.name])), [items]);
  const uploaded = items?.filter((i) => i.state === 'uploaded').length ?? 0;
  const refused = items?.filter((i) => i.state === 'refused') ?? [];
  return (
    <div className="signing">
      <h2>批量签章</h2>
      <div className="card signing-setup">
        <ChooseSeal value={seal} onChange={(s) => !started && setSeal(s)} />
        {viaUkey && (
          <p className="warn">
            该印章已绑定UKey，请使用<Link to="/ukey-batch">UKey批量签章</Link>。
          </p>
        )}
        <label>
          盖章位置
          <CornerPageSelect value={where} disabled={started} onChange={setWhere} />
        </label>
        <label>
          选择文件（最多1000份PDF，每份不超过50MB）
          <input
            type="file"
            multiple
            accept="application/pdf,.pdf"
            data-testid="batch-files"
            disabled={started}
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        {problem && <p className="error">{problem}</p>}
        {!started && (
          <button
            className="button primary"
            data-testid="batch-start"
            disabled={!seal?.sealId || viaUkey || !files.length || Boolean(problem)}
            onClick={() => void upload()}
          >
            上传并签章（{files.length} 份）
          </button>
        )}
        <ErrorBox error={error} />
      </div>
      {items && !batch && (
        <div className="card" data-testid="batch-uploads">
          <p>
            已上传 {uploaded} / {items.length} 份{refused.length ? `，${refused.length} 份无法签章` : ''}
          </p>
          <progress max={items.length} value={uploaded + refused.length} aria-label="上传进度" />
          <ul className="batch-files">
            {items.map((item, i) => (
              <li key={i} data-testid="batch-upload" data-state={item.state}>
                {item.name}：<span className={item.state === 'refused' ? 'error' : 'muted'}>{item.error ?? UPLOAD_TEXT[item.state]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {confirming && seal && !batch && (
        <ConfirmBatch
          seal={seal}
          files={confirming}
          where={where}
          onStarted={(view) => (setBatch(view), setConfirming(undefined))}
          onClose={() => setConfirming(undefined)}
        />
      )}
      {batch && <BatchProgress first={batch} names={names} />}
    </div>
  );
}

/** The QR step: the phone checks the seal, the file count and the corner, and enters the PIN once for the batch. */
function ConfirmBatch({
  seal,
  files,
  where,
  onStarted,
  onClose,
}: {
  seal: ChosenSeal;
  files: UploadedFile[];
  where: CornerPage;
  onStarted: (view: documentDto.SigningBatchView) => void;
  onClose: () => void;
}) {
  const [error, setError] = useState<string>();
  const [starting, setStarting] = useState(false);
  const create = useCallback(() => askBatchApproval(seal, files, where), [seal, files, where]);
  const onApproved = useCallback(
    ({ challenge }: { challenge: Parameters<typeof startApprovedBatch>[2] }) => {
      setStarting(true);
      startApprovedBatch(seal.sealId, files, challenge).then(onStarted, (e: Error) => setError(e.message));
    },
    [seal, files, onStarted],
  );
  const { challenge, phase, secondsLeft } = useChallenge({ create, autoRefresh: false, onApproved });
  return (
    <div className="modal" role="dialog" aria-label="扫码确认批量签章">
      <div className="modal-body card" data-testid="confirm-batch">
        <h3>扫码确认批量签章</h3>
        <dl className="summary">
          <dt>文件</dt>
          <dd>{files.length} 份</dd>
          <dt>印章</dt>
          <dd>{seal.name}</dd>
          <dt>盖章位置</dt>
          <dd>每个文件{CORNER_PAGE_LABELS[where]}</dd>
        </dl>
        {challenge && phase === 'waiting' && (
          <>
            <p>请使用"电子印章"微信小程序【扫一扫】扫描二维码，核对文件数量、印章和盖章位置后输入一次签章密码，确认全部文件。</p>
            <QrCode payload={challenge.qrPayload} label="批量签章二维码" />
            <p className="muted">二维码 {secondsLeft} 秒后失效</p>
          </>
        )}
        {starting && !error && <p className="muted">手机已确认，正在发起批量签章…</p>}
        {phase === 'rejected' && <p className="warn">手机端已拒绝，文件未签章。</p>}
        {phase === 'expired' && <p className="warn">二维码已失效，文件未签章。</p>}
        <ErrorBox error={error} />
        <button className="link" onClick={onClose}>
          取消
        </button>
      </div>
    </div>
  );
}
