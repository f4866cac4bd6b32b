import { useEffect, useState } from 'react';
import {
  APPLICATION_KIND_LABELS,
  DEFAULT_SEAL_ALGORITHM,
  ONLINE_APPLICABLE_KINDS,
  SEAL_ALGORITHMS,
  SEAL_ALGORITHM_LABELS,
  REVOCATION_CATEGORIES,
  REVOCATION_CATEGORY_LABELS,
  SEAL_KIND_LABELS,
  authorize,
  type RevocationCategory,
  type SealAlgorithm,
  type SealKind,
  type applicationDto,
} from '@seal/shared';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorBox } from '../components/status';
import { actorOf } from '../seals/seal-actions';
import { companiesOf, useMe } from '../shell/me-context';
import { GranteeFields, emptyGrantee, granteeOf, type GranteeDraft } from './grantee-fields';
import { checkWindowRequest } from './validation';

export const WINDOW_KINDS = ['apply', 'authorize', 'cancel_authorization', 'change', 'revoke', 'freeze', 'unfreeze'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

/** One window form (窗口办理): company, what the kind needs, then the application and its form to download. */
export function WindowForm({ kind, onSubmitted }: { kind: WindowKind; onSubmitted: (a: applicationDto.ApplicationView) => void }) {
  const { me } = useMe();
  const companies = companiesOf(me);
  const [creditCode, setCreditCode] = useState(companies[0]?.companyId ?? '');
  const [companyName, setCompanyName] = useState(companies[0]?.name ?? '');
  const [kinds, setKinds] = useState<SealKind[]>([]);
  const [sealAlgorithm, setSealAlgorithm] = useState<SealAlgorithm>(DEFAULT_SEAL_ALGORITHM);
  const [sealIds, setSealIds] = useState<string[]>([]);
  const [grantIds, setGrantIds] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState<RevocationCategory>('company_merged');
  const [withGrant, setWithGrant] = useState(false);
  const [grantee, setGrantee] = useState<GranteeDraft>(emptyGrantee);
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  // `routes.me` may answer after the form shows: fill in the first company once it does.
  const first = companies[0];
  useEffect(() => {
    if (first && !creditCode) {
      setCreditCode(first.companyId);
      setCompanyName(first.name);
    }
  }, [first?.companyId]); // only when the company list arrives, not on every keystroke

  const known = companies.some((c) => c.companyId === creditCode);
  const seals = useApi(
    () =>
      known ? call(routes.companySeals, { params: { companyId: creditCode } }) : Promise.resolve(undefined),
    [creditCode, known],
  );
  const grants = useApi(
    () => (kind === 'cancel_authorization' ? call(routes.grantsList) : Promise.resolve(undefined)),
    [kind],
  );
  const mayCancel = me ? authorize(actorOf(me), 'window.cancel_authorization', { companyId: creditCode }).allowed : false;
  if (kind === 'cancel_authorization' && !mayCancel) return <p className="warn">窗口取消授权业务需法定代表人本人办理。</p>;

  const needsKinds = kind === 'apply' || kind === 'change';
  const needsSeals = kind === 'authorize' || kind === 'revoke' || kind === 'freeze' || kind === 'unfreeze';
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const build = (): unknown => {
    const company = { creditCode: creditCode.trim().toUpperCase(), name: companyName };
    const planned = withGrant ? [{ ...granteeOf(grantee), kinds }] : undefined;
    switch (kind) {
      case 'apply':
      case 'change':
        return { kind, company, kinds, sealAlgorithm, grants: planned };
      case 'authorize':
        return { kind, company, grants: [{ ...granteeOf(grantee), sealIds }] };
      case 'cancel_authorization':
        return { kind, company, grantIds };
      case 'revoke':
        return { kind, company, sealIds, reason: { category, text: reason || undefined } };
      default:
        return { kind, company, sealIds, reason };
    }
  };

  const submit = async () => {
    const checked = checkWindowRequest(build());
    if (!checked.ok) return setMessages(checked.messages);
    setMessages([]);
    setBusy(true);
    try {
      onSubmitted(await call(routes.submitWindowApplication, { body: checked.value }));
    } catch (e) {
      setMessages([(e as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="window-form" data-testid={`window-form-${kind}`} onSubmit={(e) => (e.preventDefault(), submit())}>
      <h3>窗口{APPLICATION_KIND_LABELS[kind]}</h3>
      <fieldset>
        <legend>企业信息</legend>
        {companies.length > 0 && (
          <label>
            选择企业
            <select
              onChange={(e) => {
                const c = companies.find((x) => x.companyId === e.target.value);
                if (!c) return;
                setCreditCode(c.companyId);
                setCompanyName(c.name);
                setSealIds([]);
              }}
              value={known ? creditCode : ''}
            >
              <option value="">手工填写</option>
              {companies.map((c) => (
                <option key={c.companyId} value={c.companyId}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          统一社会信用代码
          <input name="creditCode" value={creditCode} onChange={(e) => setCreditCode(e.target.value)} />
        </label>
        <label>
          企业名称
          <input name="companyName" value={companyName} onChange={(e) => setCompanyName(e.target.value)} />
        </label>
      </fieldset>
      {needsKinds && (
        <fieldset>
          <legend>{kind === 'change' ? '需要重新申请的印章' : '申请的印章'}</legend>
          {ONLINE_APPLICABLE_KINDS.map((k) => (
            <label key={k} className="check">
              <input type="checkbox" checked={kinds.includes(k)} onChange={() => setKinds(toggle(kinds, k))} /> {SEAL_KIND_LABELS[k]}
            </label>
          ))}
          <label>
            签名算法
            <select name="sealAlgorithm" value={sealAlgorithm} onChange={(e) => setSealAlgorithm(e.target.value as SealAlgorithm)}>
              {SEAL_ALGORITHMS.map((a) => (
                <option key={a} value={a}>
                  {SEAL_ALGORITHM_LABELS[a]}
                </option>
              ))}
            </select>
          </label>
          <p className="muted">国际算法适用于各类 PDF 阅读器验证；国密算法适用于 OFD 文档和国内电子印章平台互认。</p>
          <label className="check">
            <input type="checkbox" checked={withGrant} onChange={(e) => setWithGrant(e.target.checked)} /> 同时进行授权设置
          </label>
          {withGrant && <GranteeFields value={grantee} onChange={setGrantee} />}
        </fieldset>
      )}
      {needsSeals && (
        <fieldset>
          <legend>选择印章</legend>
          {!known && <p className="muted">仅能选择您有权查看的企业印章。</p>}
          {seals.data?.seals
            .filter((s) => s.state !== 'revoked')
            .map((s) => (
              <label key={s.sealId} className="check">
                <input type="checkbox" checked={sealIds.includes(s.sealId)} onChange={() => setSealIds(toggle(sealIds, s.sealId))} />{' '}
                {s.name}
              </label>
            ))}
        </fieldset>
      )}
      {kind === 'authorize' && <GranteeFields value={grantee} onChange={setGrantee} />}
      {kind === 'cancel_authorization' && (
        <fieldset>
          <legend>需要取消的授权</legend>
          {(grants.data?.managed ?? [])
            .filter((g) => g.companyId === creditCode && g.state === 'active')
            .map((g) => (
              <label key={g.grantId} className="check">
                <input type="checkbox" checked={grantIds.includes(g.grantId)} onChange={() => setGrantIds(toggle(grantIds, g.grantId))} />{' '}
                {g.granteeName}（{g.role === 'seal_holder' ? '印章持有人' : '印章管理员'}，{g.sealIds.length} 枚印章）
              </label>
            ))}
        </fieldset>
      )}
      {kind === 'revoke' && (
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
      {(kind === 'revoke' || kind === 'freeze' || kind === 'unfreeze') && (
        <label>
          {kind === 'revoke' ? '说明' : kind === 'freeze' ? '冻结原因' : '解冻原因'}
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
      )}
      {messages.map((m) => (
        <ErrorBox key={m} error={m} />
      ))}
      <button className="button primary" type="submit" disabled={busy}>
        提交申请
      </button>
    </form>
  );
}
