import { useState } from 'react';
import type { applicationDto } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { formatBeijingDateTime } from '@seal/shared/time';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { FaceCheck } from '../components/face-check';
import { ErrorBox } from '../components/status';
import { useConfirmation } from '../components/confirmation';
import { ApplicationCard } from '../window/application-card';
import { checkWindowRequest } from '../window/validation';

/** 申请系统接入: the application (form to download, status), then the API credentials once approved. */
export function IntegrationSection({
  company,
  applications,
  onChanged,
}: {
  company: { companyId: string; name: string };
  applications: applicationDto.ApplicationView[];
  onChanged: () => void;
}) {
  const [draft, setDraft] = useState({ systemName: '', contactName: '', contactPhone: '', purpose: '' });
  const [messages, setMessages] = useState<string[]>([]);
  const clients = useApi(
    () => call(routes.listIntegrationClients, { params: { companyId: company.companyId } }),
    [company.companyId, applications.length],
  );
  const mine = applications.filter((a) => a.kind === 'system_integration' && a.companyId === company.companyId);

  const submit = async () => {
    const checked = checkWindowRequest({
      kind: 'system_integration',
      company: { creditCode: company.companyId, name: company.name },
      ...draft,
    });
    if (!checked.ok) return setMessages(checked.messages);
    try {
      await call(routes.submitWindowApplication, { body: checked.value });
      setMessages([]);
      onChanged();
    } catch (e) {
      setMessages([(e as Error).message]);
    }
  };

  return (
    <section className="card" data-testid="integration">
      <h3>申请系统接入</h3>
      <p className="muted">提交后请下载接入申请表，由法定代表人签字并加盖公章后携带至办事窗口；审核通过后可在此管理接入凭证。</p>
      {mine.map((a) => (
        <ApplicationCard key={a.applicationId} application={a} />
      ))}
      {!mine.some((a) => a.state === 'submitted' || a.state === 'approved') && (
        <form onSubmit={(e) => (e.preventDefault(), submit())} className="window-form">
          {(
            [
              ['systemName', '接入系统名称'],
              ['contactName', '联系人'],
              ['contactPhone', '联系电话'],
              ['purpose', '接入用途'],
            ] as const
          ).map(([key, label]) => (
            <label key={key}>
              {label}
              <input name={key} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
            </label>
          ))}
          {messages.map((m) => (
            <ErrorBox key={m} error={m} />
          ))}
          <button className="button primary" type="submit">
            提交接入申请
          </button>
        </form>
      )}
      {(clients.data?.items ?? []).map((c) => (
        <Credentials key={c.clientId} companyId={company.companyId} client={c} onChanged={clients.reload} />
      ))}
    </section>
  );
}

/** One client's credentials: issue / rotate (secret shown once) and revoke, each after a face check. */
function Credentials({
  companyId,
  client,
  onChanged,
}: {
  companyId: string;
  client: applicationDto.IntegrationClientView;
  onChanged: () => void;
}) {
  const [op, setOp] = useState<'issue' | 'revoke'>();
  const [issued, setIssued] = useState<applicationDto.IssuedSecretResponse>();
  const [error, setError] = useState<string>();
  const { ask, dialog } = useConfirmation();
  const rotate = async () => {
    // Rotating retires the secret in use: the integrated system stops working until it has the new one.
    if (
      client.secretIssued &&
      !(await ask({
        title: '确定轮换接入密钥吗？',
        consequence: '轮换后原密钥立即失效，接入系统须改用新密钥才能继续调用平台接口。',
        confirmLabel: '确定轮换',
      }))
    )
      return;
    setIssued(undefined);
    setOp('issue');
  };
  const revoke = async () => {
    const ok = await ask({
      title: '确定吊销该接入凭证吗？',
      consequence: '吊销后该接入系统立即不能再调用平台接口，且不可恢复；如需接入，须重新申请。',
      confirmLabel: '确定吊销',
    });
    if (ok) setOp('revoke');
  };
  const run = async (faceTicket: string) => {
    setError(undefined);
    try {
      const params = { companyId, clientId: client.clientId };
      if (op === 'issue')
        setIssued(await call(routes.issueIntegrationSecret, { params, body: { faceTicket } }));
      else await call(routes.revokeIntegrationClient, { params, body: { faceTicket } });
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setOp(undefined);
    }
  };
  return (
    <div className="credentials" data-testid="credentials">
      <div>
        接入凭证 <code data-testid="client-id">{client.clientId}</code> · {client.state === 'active' ? '有效' : '已吊销'}
        {client.rotatedAt && ` · 最近轮换 ${formatBeijingDateTime(client.rotatedAt)}`}
      </div>
      {client.state === 'active' && !op && (
        <div>
          <button className="button small" data-testid="issue-secret" onClick={() => void rotate()}>
            {client.secretIssued ? '轮换密钥' : '生成密钥'}
          </button>{' '}
          <button className="button small" data-testid="revoke-client" onClick={() => void revoke()}>
            吊销凭证
          </button>
        </div>
      )}
      {op && <FaceCheck action="integration.manage_credentials" target={{ companyId }} onPassed={run} onCancel={() => setOp(undefined)} />}
      {issued && (
        <div className="secret" data-testid="issued-secret">
          <p className="warn">密钥仅显示这一次，请立即妥善保存；平台只保存其摘要。</p>
          <div>
            Client ID：<code>{issued.clientId}</code>
          </div>
          <div>
            Client Secret：<code data-testid="client-secret">{issued.clientSecret}</code>
          </div>
          <div>
            Authorization 请求头：<code data-testid="client-authorization">{issued.authorization}</code>
          </div>
        </div>
      )}
      <ErrorBox error={error} />
      {dialog}
    </div>
  );
}
