import { useState } from 'react';
import { MAX_BATCH_DIGESTS } from '@seal/shared/ukey-client';
import { ErrorBox } from '../components/status';
import { UkeyDetails, UkeyProblem, useUkeyToken } from '../ukey/token-check';
import { ChooseSeal, type ChosenSeal } from './choose-seal';
import { cornerPlacement, type CornerPage } from './corner-placement';
import { CornerPageSelect } from './corner-page-select';
import { sealSizePt } from './placement';
import { downloadSigned } from './sign-flow';
import { batchProblem, signBatchWithUkey, type BatchItem } from './ukey-batch-flow';
import { tokenProblem } from './ukey-sign-flow';

/**
 * UKey批量签章 (decision 0186): one seal bound to a UKey, several PDFs, the seal at the same place
 * on each (first or last page, lower right), one UKey password for the whole batch; the outcome
 * and download per document.
 */
export function UkeyBatchPage() {
  const [seal, setSeal] = useState<ChosenSeal>();
  const [where, setWhere] = useState<CornerPage>('last');
  const [files, setFiles] = useState<File[]>([]);
  const [items, setItems] = useState<BatchItem[]>();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const ukey = useUkeyToken();
  const viaUkey = seal?.medium === 'ukey';
  const wrongToken = seal?.sealId && ukey.token ? tokenProblem(ukey.token, seal.sealId) : undefined;
  const size = sealSizePt(seal?.kind ?? '');

  const requestsFor = async (chosen: ChosenSeal): Promise<BatchItem[]> =>
    Promise.all(
      files.map(async (file) => {
        const bytes = await file.arrayBuffer();
        try {
          const { pageCount, placement } = await cornerPlacement(bytes, where, size);
          const request = {
            file,
            bytes,
            pageCount,
            companyId: chosen.companyId,
            sealId: chosen.sealId,
            placements: [placement],
            crossPage: false,
          };
          return { request };
        } catch {
          const request = {
            file,
            bytes,
            pageCount: 0,
            companyId: chosen.companyId,
            sealId: chosen.sealId,
            placements: [],
            crossPage: false,
          };
          return { request, error: '无法打开该文件，请选择有效的 PDF 文件' };
        }
      }),
    );

  const sign = async () => {
    if (!seal || !ukey.token) return;
    setError(undefined);
    setBusy(true);
    try {
      const start = items ?? (await requestsFor(seal));
      setItems(start);
      await signBatchWithUkey(start, ukey.token, password, setItems);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      // The page keeps no UKey password once the batch is done or refused.
      setPassword('');
      setBusy(false);
    }
  };

  const problem = files.length ? batchProblem(files) : undefined;
  const done = items?.filter((i) => i.signed).length ?? 0;
  return (
    <div className="signing">
      <h2>UKey批量签章</h2>
      <div className="card signing-setup">
        <ChooseSeal value={seal} onChange={(s) => (setSeal(s), setItems(undefined))} />
        {seal?.sealId && !viaUkey && <p className="warn">该印章未绑定UKey，批量签章请选择已绑定UKey的印章。</p>}
        <label>
          盖章页
          <CornerPageSelect value={where} onChange={(w) => (setWhere(w), setItems(undefined))} />
        </label>
        <label>
          选择文件（最多{MAX_BATCH_DIGESTS}份PDF，每份不超过50MB）
          <input
            type="file"
            multiple
            accept="application/pdf,.pdf"
            data-testid="batch-files"
            onChange={(e) => (setFiles([...(e.target.files ?? [])]), setItems(undefined))}
          />
        </label>
        {problem && <p className="error">{problem}</p>}
      </div>
      {viaUkey && (
        <div className="card" data-testid="ukey-batch">
          {ukey.checking && <p className="muted is-loading">正在检测UKey…</p>}
          {ukey.problem && <UkeyProblem problem={ukey.problem} onRetry={ukey.detect} />}
          {ukey.token && <UkeyDetails token={ukey.token} sealName={seal.name} />}
          {wrongToken && <UkeyProblem problem={{ message: wrongToken, download: false }} onRetry={ukey.detect} />}
          {ukey.token && !wrongToken && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void sign();
              }}
            >
              <p>输入一次UKey密码，UKey依次为每份文件签章。UKey密码只交给本机的UKey签章客户端，不会发送到平台。</p>
              <label>
                UKey密码
                <input type="password" autoComplete="off" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} />
              </label>
              <button className="button primary" type="submit" disabled={!password || !files.length || Boolean(problem) || busy}>
                {busy ? '正在签章…' : `批量签章（${files.length} 份）`}
              </button>
            </form>
          )}
          <ErrorBox error={error} />
        </div>
      )}
      {items && (
        <div className="card">
          <p data-testid="batch-summary">
            共 {items.length} 份，已签章 {done} 份{items.some((i) => i.error) ? `，${items.filter((i) => i.error).length} 份未签章` : ''}
          </p>
          <table className="table" data-testid="batch-results">
            <thead>
              <tr>
                <th>文件</th>
                <th>结果</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              {items.map((item, i) => (
                <tr key={i} data-testid={`batch-item-${i}`}>
                  <td>{item.request.file.name}</td>
                  <td>
                    {item.signed ? (
                      <span className="ok">签章成功（{item.signed.signatures} 个签章）</span>
                    ) : item.error ? (
                      <span className="error">{item.error}</span>
                    ) : (
                      <span className="muted">{busy ? '处理中…' : '待签章'}</span>
                    )}
                  </td>
                  <td>
                    {item.signed && (
                      <button
                        className="button small"
                        data-testid={`batch-download-${i}`}
                        onClick={() => void downloadSigned(item.signed!, item.request.file.name).catch((e: Error) => setError(e.message))}
                      >
                        下载
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
