import { useState } from 'react';
import {
  SEAL_ALGORITHM_LABELS,
  SEAL_KIND_LABELS,
  SEAL_STATE_LABELS,
  type SealAlgorithm,
  type SealKind,
  type SealState,
  type grantDto,
  type identityDto,
} from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { formatBeijingDate, sealValidityText } from '@seal/shared/time';
import { call } from '../api/client';
import { saveBlob } from '../api/download';
import { useApi } from '../api/use-api';
import { ErrorBox, Loading } from '../components/status';
import { companiesOf, useMe } from '../shell/me-context';
import { actionsFor, actorOf, type SealAction } from './seal-actions';
import { SealActionPanel } from './seal-action-panel';
import { SealImage } from './seal-image';

/** 我的印章: every company the person acts for, with the seals they may see. */
export function SealsPage() {
  const { me, loading, reload: reloadMe } = useMe();
  const grants = useApi(() => call(routes.grantsList), []);
  if (loading && !me) return <Loading />;
  if (!me) return null;
  const companies = companiesOf(me);
  return (
    <div>
      <h2>我的印章</h2>
      {companies.length === 0 && (
        <p className="muted">您暂无可查看的印章。法定代表人可在小程序申请印章，或由法定代表人、印章管理员为您授权。</p>
      )}
      {companies.map((c) => (
        <CompanySeals key={c.companyId} me={me} companyId={c.companyId} managed={grants.data?.managed ?? []} onChanged={reloadMe} />
      ))}
    </div>
  );
}

/** Where the person's credential for the seal signs, as the platform records it: the phone (PIN) or the UKey bound. */
function Medium({ credential }: { credential: identityDto.MeResponse['credentials'][number] }) {
  if (credential.medium !== 'ukey') return <span>手机（签章密码）</span>;
  return (
    <span>
      UKey（已绑定）
      {credential.ukeySerial && <div className="muted">UKey序列号 {credential.ukeySerial}</div>}
    </span>
  );
}

function CompanySeals({
  me,
  companyId,
  managed,
  onChanged,
}: {
  me: identityDto.MeResponse;
  companyId: string;
  managed: grantDto.GrantView[];
  /** A business done here may change the person's own credentials (领取, Ukey绑定/解绑): /v1/me is read again. */
  onChanged: () => void;
}) {
  const { data, error, loading, reload } = useApi(
    () => call(routes.companySeals, { params: { companyId } }),
    [companyId],
  );
  const [open, setOpen] = useState<{ sealId: string; action: SealAction }>();
  const [notice, setNotice] = useState<string>();
  const actor = actorOf(me);
  const isLegalRep = me.companies.some((c) => c.companyId === companyId);
  // A holder sees the seal as hers: 待领取 until she has claimed it, whatever its state for the company.
  const unclaimedByMe = (seal: { sealId: string; state: string }) =>
    !isLegalRep &&
    seal.state !== 'revoked' &&
    me.grants.some((g) => g.companyId === companyId && g.role === 'seal_holder' && g.sealIds.includes(seal.sealId)) &&
    !me.credentials.some((c) => c.sealId === seal.sealId && c.state !== 'superseded' && c.state !== 'revoked');
  if (loading && !data) return <Loading />;
  if (error || !data) return <ErrorBox error={error} />;
  return (
    <section className="card" data-testid={`company-${companyId}`}>
      <h3>
        {data.company.name} <span className="muted">统一社会信用代码 {companyId}</span>
      </h3>
      {notice && <p className="ok">{notice}</p>}
      <table className="table">
        <thead>
          <tr>
            <th>印章</th>
            <th>状态</th>
            <th>证书</th>
            <th>签章介质</th>
            <th>印章数据</th>
            <th>持有人 / 管理员</th>
            <th>可办理业务</th>
          </tr>
        </thead>
        <tbody>
          {data.seals.map((seal) => {
            const credential = me.credentials.find((c) => c.sealId === seal.sealId && c.state !== 'superseded' && c.state !== 'revoked');
            const actions = actionsFor(actor, companyId, seal, credential ?? null);
            const holders = managed.filter((g) => g.state === 'active' && g.companyId === companyId && g.sealIds.includes(seal.sealId));
            return [
              <tr key={seal.sealId} data-testid={`seal-${seal.sealId}`}>
                <td>
                  <div className="seal-cell">
                    <SealImage sealId={seal.sealId} name={seal.name} />
                    <div>
                      <strong>{seal.name}</strong>
                      <div className="muted">{SEAL_KIND_LABELS[seal.kind as SealKind] ?? seal.kind}</div>
                      <div className="muted" data-testid="seal-algorithm">
                        {SEAL_ALGORITHM_LABELS[seal.algorithm as SealAlgorithm] ?? seal.algorithm}
                      </div>
                    </div>
                  </div>
                </td>
                <td>
                  {unclaimedByMe(seal) ? (
                    <>
                      <span className="state state-pending_claim">待领取</span>
                      <div className="muted">未领取</div>
                    </>
                  ) : (
                    <>
                      <span className={`state state-${seal.state}`}>{SEAL_STATE_LABELS[seal.state as SealState] ?? seal.state}</span>
                      <div className="muted">{sealValidityText(seal)}</div>
                    </>
                  )}
                </td>
                <td>{credential ? <Certificate sealId={seal.sealId} /> : <span className="muted">未领取</span>}</td>
                <td data-testid="seal-medium">{credential ? <Medium credential={credential} /> : <span className="muted">—</span>}</td>
                <td>
                  {seal.sealData ? <SealData sealId={seal.sealId} data={seal.sealData} /> : <span className="muted">领取后生成</span>}
                </td>
                <td>
                  {holders.length ? (
                    holders.map((g) => `${g.granteeName}（${g.role === 'seal_holder' ? '持有人' : '管理员'}）`).join('、')
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="actions">
                  {actions.map((a) => (
                    <button key={a.key} className="button small" onClick={() => setOpen({ sealId: seal.sealId, action: a })}>
                      {a.label}
                    </button>
                  ))}
                  {actions.length === 0 && <span className="muted">—</span>}
                </td>
              </tr>,
              open?.sealId === seal.sealId && (
                <tr key={`${seal.sealId}-panel`}>
                  <td colSpan={7}>
                    <SealActionPanel
                      companyId={companyId}
                      seal={seal}
                      action={open.action}
                      onDone={(message) => {
                        setNotice(message);
                        setOpen(undefined);
                        reload();
                        onChanged();
                      }}
                    />
                  </td>
                </tr>
              ),
            ];
          })}
        </tbody>
      </table>
    </section>
  );
}

function Certificate({ sealId }: { sealId: string }) {
  const { data } = useApi(() => call(routes.getMyCredential, { params: { sealId } }), [sealId]);
  if (!data) return <span className="muted">…</span>;
  const cert = data.credential.certificate;
  return (
    <div className="cert" data-testid="certificate">
      <div>序列号 {cert.serialNumber}</div>
      <div className="muted">
        {formatBeijingDate(cert.notBefore)} 至 {formatBeijingDate(cert.notAfter)}
      </div>
    </div>
  );
}

/** The seal's 印章数据 (GB/T 38540): its esID, who made it and until when, and the file itself (.esl). */
function SealData({ sealId, data }: { sealId: string; data: grantDto.SealDataSummary }) {
  const [error, setError] = useState<Error>();
  const download = async () => {
    setError(undefined);
    try {
      const der = await call(routes.sealData, { params: { sealId } });
      saveBlob(new Blob([der], { type: 'application/octet-stream' }), `${data.esId}.esl`);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  return (
    <div className="cert" data-testid="seal-data">
      <div>印章标识 {data.esId}</div>
      <div className="muted">制章者 {data.maker}</div>
      <div className="muted">
        {formatBeijingDate(data.validStart)} 至 {formatBeijingDate(data.validEnd)}
      </div>
      <button className="button small" onClick={() => void download()}>
        下载印章数据
      </button>
      <ErrorBox error={error} />
    </div>
  );
}
