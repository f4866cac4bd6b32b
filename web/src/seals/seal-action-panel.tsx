import { useCallback, useState } from 'react';
import {
  REVOCATION_CATEGORIES,
  REVOCATION_CATEGORY_LABELS,
  type RevocationCategory,
} from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { FaceCheck } from '../components/face-check';
import { QrCode } from '../components/qr-code';
import { useChallenge } from '../components/use-challenge';
import { ErrorBox } from '../components/status';
import { useConfirmation, type ConfirmationRequest } from '../components/confirmation';
import type { SealAction } from './seal-actions';
import { ukeyClient } from '../ukey/ukey-client';
import { UkeyDetails, UkeyProblem, useUkeyToken } from '../ukey/token-check';

/** The batch route of each online action, with the body its DTO asks for. */
function runAction(key: SealAction['key'], companyId: string, sealIds: string[], input: { faceTicket?: string; reason: string; category: RevocationCategory }) {
  const params = { companyId };
  const faceTicket = input.faceTicket ?? '';
  switch (key) {
    case 'freeze':
      return call(routes.freezeSeals, { params, body: { sealIds, faceTicket, reason: input.reason } });
    case 'unfreeze':
      return call(routes.unfreezeSeals, { params, body: { sealIds, faceTicket, reason: input.reason } });
    case 'revoke':
      return call(routes.revokeSeals, { params, body: { sealIds, faceTicket, reason: { category: input.category, text: input.reason || undefined } } });
    case 'renew':
      return call(routes.renewSeals, { params, body: { sealIds, faceTicket } });
    default:
      throw new Error(`no online route for ${key}`);
  }
}

/** The steps that take something away ask first, saying what follows. */
function confirmationFor(key: SealAction['key'], sealName: string): ConfirmationRequest | null {
  switch (key) {
    case 'freeze':
      return { title: `确定冻结“${sealName}”吗？`, consequence: '冻结后，所有持有人都不能使用该印章签章，直至解冻。', confirmLabel: '确定冻结' };
    case 'revoke':
      return {
        title: `确定注销“${sealName}”吗？`,
        consequence: '注销后该印章永久失效，所有证书立即吊销，不能再签章，且不可恢复；如需使用须重新申请。',
        confirmLabel: '确定注销',
      };
    case 'ukey_unbind':
      return {
        title: `确定解除“${sealName}”的 Ukey 绑定吗？`,
        consequence: '解绑后该 Ukey 立即不能再用于此印章签章，印章改回在手机端使用。',
        confirmLabel: '确定解绑',
      };
    default:
      return null;
  }
}

/** One action on one seal, with the proof the permission matrix asks for. */
export function SealActionPanel({
  companyId,
  seal,
  action,
  onDone,
}: {
  companyId: string;
  seal: { sealId: string; name: string };
  action: SealAction;
  onDone: (message: string) => void;
}) {
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RevocationCategory>('company_merged');
  const [error, setError] = useState<string>();
  const [faceStep, setFaceStep] = useState(false);
  const { ask, dialog } = useConfirmation();
  const confirmation = confirmationFor(action.key, seal.name);
  const confirmed = async () => !confirmation || (await ask(confirmation));

  if (action.where === 'phone') return <p className="hint">请在"电子印章"微信小程序中【印章领取】，完成人脸核验并设置签章密码。</p>;
  if (action.where === 'qr')
    return <UkeyConfirm companyId={companyId} seal={seal} action={action} onDone={onDone} confirm={confirmation} />;

  const submit = async (faceTicket?: string) => {
    setError(undefined);
    try {
      const result = await runAction(action.key, companyId, [seal.sealId], { faceTicket, reason, category });
      const failed = result.results.find((r) => !r.ok);
      if (failed) setError(failed.error?.message ?? '办理失败');
      else onDone(result.message);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setFaceStep(false);
    }
  };

  return (
    <div className="action-panel" data-testid={`action-${action.key}`}>
      <h4>
        {action.label}：{seal.name}
      </h4>
      {action.key === 'revoke' && (
        <label>
          注销原因
          <select value={category} onChange={(e) => setCategory(e.target.value as RevocationCategory)}>
            {REVOCATION_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {REVOCATION_CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </label>
      )}
      {action.key !== 'renew' && (
        <label>
          {action.key === 'revoke' ? '说明' : `${action.label}原因`}
          <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="请填写原因" />
        </label>
      )}
      {action.proof === 'face' ? (
        faceStep ? (
          <FaceCheck
            action={action.action}
            target={{ companyId, sealIds: [seal.sealId] }}
            onPassed={(t) => submit(t)}
            onCancel={() => setFaceStep(false)}
          />
        ) : (
          <button className="button primary" onClick={() => void confirmed().then((ok) => ok && setFaceStep(true))}>
            下一步：人脸核验
          </button>
        )
      ) : (
        <button className="button primary" onClick={() => void confirmed().then((ok) => (ok ? submit() : undefined))}>
          确认{action.label}
        </button>
      )}
      <ErrorBox error={error} />
      {dialog}
    </div>
  );
}

/**
 * UKey 绑定 / 解绑 (decisions 0120, 0121): the UKey client finds the token, shows it beside the
 * seal, the token checks the UKey password; then the phone scans the code and confirms with a face
 * check. Binding: the token makes the key and the request, the platform certifies the key, the
 * client writes the certificate. Unbinding: the platform revokes it, the client removes the key.
 */
function UkeyConfirm({
  companyId,
  seal,
  action,
  onDone,
  confirm,
}: {
  companyId: string;
  seal: { sealId: string; name: string };
  action: SealAction;
  onDone: (m: string) => void;
  confirm: ConfirmationRequest | null;
}) {
  const [started, setStarted] = useState(false);
  const [password, setPassword] = useState('');
  const [checking, setChecking] = useState(false);
  const { ask, dialog } = useConfirmation();
  const [bindError, setBindError] = useState<string>();
  const ukey = useUkeyToken();
  const { sealId } = seal;
  const purpose = action.key === 'ukey_bind' ? 'ukey_bind' : 'ukey_unbind';
  const serial = ukey.token?.serial;
  const create = useCallback(
    () => call(routes.challengeCreate, { body: { purpose, companyId, sealId, details: serial ? { ukeySerial: serial } : {} } }),
    [purpose, companyId, sealId, serial],
  );
  const { challenge, phase, error, restart, secondsLeft } = useChallenge({
    create,
    autoRefresh: false,
    enabled: started,
    onApproved: ({ challenge: c }) => {
      // The approval is consumed by the binding call, with the secret only this page holds.
      const desktop = { challengeId: c.challengeId, desktopSecret: c.desktopSecret };
      const done = purpose === 'ukey_bind' ? bindOnToken(serial!, password, desktop) : unbindOnToken(password, desktop);
      done.then(onDone, (e: Error) => setBindError(e.message));
    },
  });

  async function bindOnToken(tokenSerial: string, pin: string, desktop: { challengeId: string; desktopSecret: string }) {
    const { keyId } = await ukeyClient.generateKey(tokenSerial, pin, sealId);
    try {
      const { csr } = await ukeyClient.csr(tokenSerial, pin, keyId, seal.name);
      const bound = await call(routes.ukeyBind, { params: { sealId }, body: { ...desktop, csr, ukeySerial: tokenSerial, keyId } });
      await ukeyClient.writeCertificate(tokenSerial, pin, keyId, bound.certificate!, sealId);
      return bound.message;
    } catch (e) {
      // Refused or failed: the key made for this attempt does not stay on the token.
      await ukeyClient.remove(tokenSerial, pin, keyId).catch(() => undefined);
      throw e;
    }
  }

  async function unbindOnToken(pin: string, desktop: { challengeId: string; desktopSecret: string }) {
    const unbound = await call(routes.ukeyUnbind, { params: { sealId }, body: desktop });
    try {
      await ukeyClient.remove(unbound.ukeySerial, pin, unbound.keyId);
    } catch (e) {
      return `${unbound.message}（UKey中的印章密钥未能删除：${(e as Error).message}）`;
    }
    return unbound.message;
  }

  const next = async () => {
    setBindError(undefined);
    setChecking(true);
    try {
      await ukeyClient.checkPassword(serial!, password);
    } catch (e) {
      return setBindError((e as Error).message);
    } finally {
      setChecking(false);
    }
    if (!confirm || (await ask(confirm))) setStarted(true);
  };

  if (!started)
    return (
      <div className="action-panel">
        <h4>{action.label}</h4>
        {ukey.checking && <p className="muted is-loading">正在检测UKey…</p>}
        {ukey.problem && <UkeyProblem problem={ukey.problem} onRetry={ukey.detect} />}
        {ukey.token && (
          <>
            <p>请核对UKey和印章信息，输入UKey密码后继续。</p>
            <UkeyDetails token={ukey.token} sealName={seal.name} />
            <label>
              UKey密码
              <input type="password" autoComplete="off" maxLength={64} value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            <button className="button primary" disabled={!password || checking} onClick={() => void next()}>
              确认并进入下一步
            </button>
          </>
        )}
        <ErrorBox error={bindError} />
        {dialog}
      </div>
    );
  return (
    <div className="action-panel">
      <p>请打开"电子印章"微信小程序【扫一扫】，扫描二维码验证身份（法定代表人、印章管理员、印章持有人均可扫码）。</p>
      {challenge && <QrCode payload={challenge.qrPayload} label={`${action.label}二维码`} dimmed={phase !== 'waiting'} />}
      {phase === 'waiting' && <p className="muted">二维码 {secondsLeft} 秒后失效</p>}
      {(phase === 'expired' || phase === 'rejected') && (
        <p className="warn">
          {phase === 'expired' ? '二维码已失效' : '手机端已拒绝'}，
          <button className="link" onClick={restart}>
            重新生成
          </button>
        </p>
      )}
      {phase === 'approved' && !bindError && <p className="muted">手机已确认身份，正在办理…</p>}
      <ErrorBox error={error ?? bindError} />
    </div>
  );
}
