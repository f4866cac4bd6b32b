import { useEffect, useRef, useState } from 'react';
import type { documentDto } from '@seal/shared';
import { ErrorBox } from '../components/status';
import { UkeyDetails, UkeyProblem, useUkeyToken } from '../ukey/token-check';
import type { SigningRequest } from './sign-flow';
import { SignedOutcome } from './signed-outcome';
import { signWithUkey, tokenProblem, uploadForUkey } from './ukey-sign-flow';

/**
 * UKey签章 (guide 五.3): the UKey client finds the token, the page checks it holds this seal's key,
 * the holder types the UKey password (sent to the client on 127.0.0.1 only), the token signs the
 * platform's digest, the platform completes the signature; then download.
 */
export function UkeySigning({ request, sealName, onClose }: { request: SigningRequest; sealName: string; onClose: () => void }) {
  const [documentId, setDocumentId] = useState<string>();
  const [prepared, setPrepared] = useState<documentDto.UkeySignPrepared>();
  const [signed, setSigned] = useState<documentDto.SignedDocument>();
  const [password, setPassword] = useState('');
  const [signing, setSigning] = useState(false);
  const [error, setError] = useState<string>();
  const ukey = useUkeyToken();
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    uploadForUkey(request).then(setDocumentId, (e: Error) => setError(e.message));
  }, [request]);

  const wrongToken = ukey.token ? tokenProblem(ukey.token, request.sealId) : undefined;

  const sign = async () => {
    if (!ukey.token || !documentId) return;
    setError(undefined);
    setSigning(true);
    try {
      setSigned(await signWithUkey({ documentId, req: request, token: ukey.token, password, prepared, onPrepared: setPrepared }));
    } catch (e) {
      setError((e as Error).message);
      setPassword('');
    } finally {
      setSigning(false);
    }
  };

  return (
    <div className="modal" role="dialog" aria-label="UKey签章">
      <div className="modal-body card" data-testid="ukey-signing" data-document-id={documentId ?? ''}>
        <h3>UKey签章</h3>
        <dl className="summary">
          <dt>文件</dt>
          <dd>{request.file.name}</dd>
          <dt>页数</dt>
          <dd>{request.pageCount} 页</dd>
        </dl>
        {!documentId && !error && <p className="muted is-loading">正在上传文件…</p>}
        {ukey.checking && <p className="muted is-loading">正在检测UKey…</p>}
        {ukey.problem && <UkeyProblem problem={ukey.problem} onRetry={ukey.detect} />}
        {ukey.token && !signed && (
          <>
            <UkeyDetails token={ukey.token} sealName={sealName} />
            {wrongToken ? (
              <UkeyProblem problem={{ message: wrongToken, download: false }} onRetry={ukey.detect} />
            ) : (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void sign();
                }}
              >
                <p>请核对UKey和印章信息，输入UKey密码后签章。UKey密码只交给本机的UKey签章客户端，不会发送到平台。</p>
                <label>
                  UKey密码
                  <input type="password" autoComplete="off" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} />
                </label>
                <button className="button primary" type="submit" disabled={!password || !documentId || signing}>
                  {signing ? '正在签章…' : '确认签章'}
                </button>
              </form>
            )}
          </>
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
