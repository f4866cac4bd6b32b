import { useCallback, useState } from 'react';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveSession } from '../api/session-store';
import { QrCode } from '../components/qr-code';
import { useChallenge, type ChallengeOutcome } from '../components/use-challenge';
import { navigate } from '../shell/router';
import { useSession } from '../shell/use-session';
import { companiesOf, useMe } from '../shell/me-context';
import { UkeyLogin } from './ukey-login';

/**
 * 立即登录 (guide 一.2): 扫码登录, a fresh login challenge as a QR code replaced before it expires
 * until a phone approves it; or UKey登录 with a UKey bound to a seal.
 */
export function LoginPage() {
  const session = useSession('person');
  const [method, setMethod] = useState<'qr' | 'ukey'>('qr');
  const create = useCallback(() => call(routes.loginChallengeCreate), []);
  const onApproved = useCallback(({ poll }: ChallengeOutcome) => {
    if (poll.session) saveSession('person', poll.session);
  }, []);
  const { challenge, phase, error, secondsLeft, restart } = useChallenge({
    create,
    autoRefresh: true,
    onApproved,
    enabled: !session && method === 'qr',
  });
  if (session) return <LoggedIn />;
  return (
    <div className="login">
      <div className="card login-card">
        <div className="tabs" role="tablist">
          {(['qr', 'ukey'] as const).map((m) => (
            <button
              key={m}
              role="tab"
              aria-selected={m === method}
              className={m === method ? 'tab active' : 'tab'}
              onClick={() => setMethod(m)}
            >
              {m === 'qr' ? '扫码登录' : 'UKey登录'}
            </button>
          ))}
        </div>
        {method === 'ukey' ? (
          <UkeyLogin />
        ) : (
          <QrLogin challenge={challenge} phase={phase} error={error} secondsLeft={secondsLeft} restart={restart} />
        )}
      </div>
    </div>
  );
}

function QrLogin({
  challenge,
  phase,
  error,
  secondsLeft,
  restart,
}: Omit<ReturnType<typeof useChallenge>, 'challenge'> & { challenge?: { qrPayload: string } }) {
  return (
    <>
      <p className="hint">请使用"电子印章"微信小程序的【扫一扫】扫描二维码，核对手机上显示的登录信息后完成人脸核验。</p>
      {challenge ? (
        <QrCode payload={challenge.qrPayload} label="登录二维码" dimmed={phase !== 'waiting'} />
      ) : (
        <div className="qr qr-placeholder">生成中…</div>
      )}
      {phase === 'waiting' && (
        <p className="muted" data-testid="qr-countdown">
          二维码 {secondsLeft} 秒后自动刷新
        </p>
      )}
      {phase === 'approved' && <p className="ok">手机已确认，正在登录…</p>}
      {phase === 'rejected' && (
        <p className="warn">
          手机端已拒绝本次登录。
          <button className="link" onClick={restart}>
            重新生成二维码
          </button>
        </p>
      )}
      {phase === 'error' && (
        <p className="error" role="alert">
          {error}{' '}
          <button className="link" onClick={restart}>
            重试
          </button>
        </p>
      )}
      <ul className="safety">
        <li>手机上会显示发起登录的电脑所在网络和浏览器，与本机不符请拒绝。</li>
        <li>请勿扫描他人通过聊天、邮件发送给您的登录二维码。</li>
        <li>二维码不含任何密钥，仅本页面能取得登录结果。</li>
      </ul>
    </>
  );
}

function LoggedIn() {
  const { me } = useMe();
  const session = useSession('person');
  return (
    <div className="card" data-testid="logged-in">
      <h2>登录成功</h2>
      <p>
        当前用户：<strong>{session?.person.name}</strong>（{session?.person.idNumberMasked}）
      </p>
      <h3>可办理业务的企业</h3>
      <ul data-testid="my-companies">
        {companiesOf(me).map((c) => (
          <li key={c.companyId}>
            {c.name}（{c.roles.join('、')}）
          </li>
        ))}
        {me && companiesOf(me).length === 0 && <li>暂无关联企业</li>}
      </ul>
      <button className="button primary" onClick={() => navigate('/seals')}>
        进入我的印章
      </button>
    </div>
  );
}
