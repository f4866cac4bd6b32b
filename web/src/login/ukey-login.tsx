import { useState } from 'react';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveSession } from '../api/session-store';
import { ErrorBox } from '../components/status';
import { UkeyProblem, useUkeyToken } from '../ukey/token-check';
import { ukeyClient, type UkeyToken } from '../ukey/ukey-client';

/** The seal key on the token the platform certified (the binding wrote its certificate beside it), if any. */
export function boundKeyOf(token: UkeyToken) {
  return token.keys.find((k) => k.hasCertificate);
}

/**
 * UKey登录 (guide 一.2; decision 0185): the platform's single-use challenge, signed on the token
 * by the UKey client after the UKey password (which goes to the client on 127.0.0.1 only), and the
 * certificate beside the key; the platform checks the signature against the binding and answers a
 * desktop session for the seal's holder.
 */
export function UkeyLogin() {
  const ukey = useUkeyToken();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const key = ukey.token && boundKeyOf(ukey.token);

  const login = async (token: UkeyToken, keyId: string) => {
    setError(undefined);
    setBusy(true);
    try {
      const { challenge } = await call(routes.loginUkeyChallenge);
      const signed = await ukeyClient.login(token.serial, password, keyId, challenge);
      saveSession('person', await call(routes.loginUkey, { body: { challenge, ...signed } }));
    } catch (e) {
      setError((e as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="ukey-login">
      <p className="hint">请插入已绑定电子印章的UKey，并确认UKey签章客户端已启动。</p>
      {ukey.checking && <p className="muted is-loading">正在检测UKey…</p>}
      {ukey.problem && <UkeyProblem problem={ukey.problem} onRetry={ukey.detect} />}
      {ukey.token && !key && (
        <UkeyProblem
          problem={{ message: '该UKey中没有已绑定的电子印章，不能用于登录。请先扫码登录后在“我的印章”中绑定Ukey', download: false }}
          onRetry={ukey.detect}
        />
      )}
      {ukey.token && key && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void login(ukey.token!, key.keyId);
          }}
        >
          <dl className="details">
            <dt>UKey名称</dt>
            <dd>{ukey.token.label}</dd>
            <dt>UKey序列号</dt>
            <dd>{ukey.token.serial}</dd>
          </dl>
          <label>
            UKey密码
            <input type="password" autoComplete="off" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} />
          </label>
          <button className="button primary" type="submit" disabled={!password || busy}>
            {busy ? '正在登录…' : '登录'}
          </button>
        </form>
      )}
      <ErrorBox error={error} />
      <ul className="safety">
        <li>UKey密码只交给本机的UKey签章客户端，由UKey核对，不会发送到平台。</li>
        <li>UKey登录后办理冻结、注销、授权等业务时，仍需人脸核验。</li>
      </ul>
    </div>
  );
}
