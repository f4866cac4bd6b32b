import { useState } from 'react';
import type { identityDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';

/**
 * 人脸核验 for an action taken on the desktop. The ticket is bound by the API to this person, this
 * action and this target. Locally the platform runs the simulated verifier (pass / fail choice, as
 * in the H5 mini-program); with real WeChat face checks this must move to a QR challenge.
 */
export function FaceCheck({
  action,
  target,
  onPassed,
  onCancel,
}: {
  action: string;
  target: identityDto.FaceCheckTarget;
  onPassed: (ticketId: string) => void;
  onCancel: () => void;
}) {
  const [started, setStarted] = useState<identityDto.FaceCheckStarted>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setStarted(await call(routes.faceCheckStart, { body: { action, target } }));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const answer = async (passed: boolean) => {
    if (!started) return;
    setBusy(true);
    try {
      const result = await call(routes.faceCheckResult, {
        params: { ticketId: started.ticketId },
        body: { passed },
      });
      if (result.state === 'passed') onPassed(started.ticketId);
      else setError('人脸核验未通过，请重试');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="face-check" data-testid="face-check">
      <h4>人脸核验</h4>
      {!started && (
        <button className="button primary" disabled={busy} onClick={start}>
          开始人脸核验
        </button>
      )}
      {started?.mode === 'simulated' && (
        <div>
          <p>
            核验对象：{started.identity.name}（{started.identity.idNumberMasked}）
          </p>
          <p className="muted">本地演示环境：模拟人脸核验结果。</p>
          <button className="button primary" disabled={busy} onClick={() => answer(true)}>
            模拟核验通过
          </button>{' '}
          <button className="button" disabled={busy} onClick={() => answer(false)}>
            模拟核验不通过
          </button>
        </div>
      )}
      {started?.mode === 'wechat' && <p className="warn">请在"电子印章"微信小程序中办理本业务（需微信人脸核验）。</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="link" onClick={onCancel}>
        取消
      </button>
    </div>
  );
}
