import { useCallback, useEffect, useRef, useState } from 'react';
import { QrCode } from '../components/qr-code';
import { ErrorBox } from '../components/status';
import { useChallenge } from '../components/use-challenge';
import type { documentDto } from '@seal/shared';
import { prepareSigning, signApproved, type PreparedSigning, type SigningRequest } from './sign-flow';
import { SignedOutcome } from './signed-outcome';

/** The QR step of 签章: scan, check document / pages / seal on the phone, enter the PIN; then download. */
export function ConfirmSigning({ request, sealName, onClose }: { request: SigningRequest; sealName: string; onClose: () => void }) {
  const [prepared, setPrepared] = useState<PreparedSigning>();
  const [signed, setSigned] = useState<documentDto.SignedDocument>();
  const [error, setError] = useState<string>();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    prepareSigning(request).then(setPrepared, (e: Error) => setError(e.message));
  }, [request]);

  const create = useCallback(() => Promise.resolve(prepared!.challenge), [prepared]);
  const onApproved = useCallback(() => {
    signApproved(request, prepared!).then(setSigned, (e: Error) => setError(e.message));
  }, [request, prepared]);
  const { challenge, phase, secondsLeft } = useChallenge({ create, autoRefresh: false, enabled: Boolean(prepared), onApproved });

  return (
    <div className="modal" role="dialog" aria-label="扫码签章">
      <div className="modal-body card" data-testid="confirm-signing" data-document-id={prepared?.documentId ?? ''}>
        <h3>扫码签章</h3>
        <dl className="summary">
          <dt>文件</dt>
          <dd>{request.file.name}</dd>
          <dt>页数</dt>
          <dd>{request.pageCount} 页</dd>
          <dt>印章</dt>
          <dd>{sealName}</dd>
        </dl>
        {!prepared && !error && <p className="muted">正在上传文件…</p>}
        {challenge && !signed && phase !== 'approved' && (
          <>
            <p>请使用"电子印章"微信小程序【扫一扫】扫描二维码，核对文件名、页数和印章后输入签章密码。</p>
            <QrCode payload={challenge.qrPayload} label="签章二维码" dimmed={phase !== 'waiting'} />
            {phase === 'waiting' && <p className="muted">二维码 {secondsLeft} 秒后失效</p>}
          </>
        )}
        {phase === 'approved' && !signed && !error && <p className="muted">手机已确认，正在签章…</p>}
        {phase === 'rejected' && (
          <p className="warn" data-testid="sign-outcome">
            手机端已拒绝，文件未签章。
          </p>
        )}
        {phase === 'expired' && (
          <p className="warn" data-testid="sign-outcome">
            二维码已失效，文件未签章。
          </p>
        )}
        {signed && <SignedOutcome signed={signed} fileName={request.file.name} onError={setError} />}
        <ErrorBox error={error} />
        <button className="link" onClick={onClose}>
          {signed ? '完成' : '取消'}
        </button>
      </div>
    </div>
  );
}
