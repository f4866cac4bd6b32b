import { canSign, SEAL_STATE_LABELS, authorize, type SealState } from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { actorOf } from '../seals/seal-actions';
import { companiesOf, useMe } from '../shell/me-context';

export interface ChosenSeal {
  companyId: string;
  sealId: string;
  name: string;
  kind: string;
  /** Where this person's credential for the seal signs: `ukey` once bound to a UKey (decision 0121). */
  medium: string;
  /** The seal's signature algorithm (decision 0078): an OFD signs only with `sm2-sm3`. */
  algorithm?: string;
}

/** 选择企业名称、电子印章: only seals this person may sign with now (claimed, usable, in scope). */
export function ChooseSeal({ value, onChange }: { value?: ChosenSeal; onChange: (s?: ChosenSeal) => void }) {
  const { me } = useMe();
  const companies = companiesOf(me).filter((c) => me && authorize(actorOf(me), 'seal.sign', { companyId: c.companyId }).allowed);
  const companyId = value?.companyId ?? companies[0]?.companyId;
  const { data } = useApi(
    () => (companyId ? call(routes.companySeals, { params: { companyId } }) : Promise.resolve(undefined)),
    [companyId],
  );
  const usable = (data?.seals ?? []).filter(
    (s) =>
      me &&
      canSign(s.state as SealState) &&
      authorize(actorOf(me), 'seal.sign', { companyId: companyId!, sealIds: [s.sealId] }).allowed &&
      me.credentials.some((c) => c.sealId === s.sealId && c.state === 'active'),
  );
  return (
    <div className="choose-seal">
      <label>
        企业名称
        <select
          data-testid="sign-company"
          value={companyId ?? ''}
          onChange={(e) => onChange(e.target.value ? { companyId: e.target.value, sealId: '', name: '', kind: '', medium: '' } : undefined)}
        >
          {companies.map((c) => (
            <option key={c.companyId} value={c.companyId}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        电子印章
        <select
          data-testid="sign-seal"
          value={value?.sealId ?? ''}
          onChange={(e) => {
            const s = usable.find((x) => x.sealId === e.target.value);
            const medium = me?.credentials.find((c) => c.sealId === s?.sealId && c.state === 'active')?.medium ?? 'phone';
            onChange(s && companyId ? { companyId, sealId: s.sealId, name: s.name, kind: s.kind, medium, algorithm: s.algorithm } : undefined);
          }}
        >
          <option value="">请选择印章</option>
          {usable.map((s) => (
            <option key={s.sealId} value={s.sealId}>
              {s.name}（{SEAL_STATE_LABELS[s.state as SealState]}）
            </option>
          ))}
        </select>
      </label>
      {data && usable.length === 0 && <p className="muted">暂无可用于签章的印章：请先在小程序领取印章。</p>}
    </div>
  );
}
