import { useCallback, useEffect, useState } from 'react';
import { Link } from '../shell/router';
import { UkeyClientMissing, ukeyClient, type UkeyToken } from './ukey-client';

/**
 * Finds the UKey: the client running, one token inserted. Says plainly what is missing, with the
 * 软件下载 link when the client is not running, and a way to look again.
 */
export function useUkeyToken() {
  const [token, setToken] = useState<UkeyToken>();
  const [problem, setProblem] = useState<{ message: string; download: boolean }>();
  const [checking, setChecking] = useState(true);
  const detect = useCallback(() => {
    setChecking(true);
    setProblem(undefined);
    ukeyClient
      .tokens()
      .then((tokens) => {
        if (tokens.length === 0) setProblem({ message: '未检测到UKey，请将UKey插入电脑USB接口后点击“重新检测”', download: false });
        else if (tokens.length > 1) setProblem({ message: '检测到多个UKey，请只插入要使用的一个', download: false });
        else setToken(tokens[0]);
      })
      .catch((e: Error) => setProblem({ message: e.message, download: e instanceof UkeyClientMissing }))
      .finally(() => setChecking(false));
  }, []);
  useEffect(detect, [detect]);
  return { token, problem, checking, detect };
}

export function UkeyProblem({ problem, onRetry }: { problem: { message: string; download: boolean }; onRetry: () => void }) {
  return (
    <div className="error" role="alert">
      <p>{problem.message}</p>
      <p>
        {problem.download && (
          <>
            <Link to="/ukey-client">软件下载</Link>{' '}
          </>
        )}
        <button className="link" onClick={onRetry}>
          重新检测
        </button>
      </p>
    </div>
  );
}

export function UkeyDetails({ token, sealName }: { token: UkeyToken; sealName: string }) {
  return (
    <dl className="details" data-testid="ukey-details">
      <dt>印章</dt>
      <dd>{sealName}</dd>
      <dt>UKey名称</dt>
      <dd>{token.label}</dd>
      <dt>UKey序列号</dt>
      <dd>{token.serial}</dd>
      <dt>UKey厂商</dt>
      <dd>{token.manufacturer}</dd>
    </dl>
  );
}
