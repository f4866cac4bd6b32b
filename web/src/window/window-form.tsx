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
import { BILINGUAL_NAME_NOTE } from '@seal/shared/content';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { useApi } from '../api/use-api';
import { ErrorBox } from '../components/status';
import { actorOf } from '../seals/seal-actions';
import { companiesOf, useMe } from '../shell/me-context';
import { GranteeFields, emptyGrantee, granteeOf, type GranteeDraft } from './grantee-fields';
import { checkWindowRequest } from './validation';
import { WindowGuide } from './window-guide';

export const WINDOW_KINDS = ['apply', 'authorize', 'cancel_authorization', 'change', 'revoke', 'freeze', 'unfreeze'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

type Request = applicationDto.WindowApplicationRequest;
type PlannedGrant = NonNullable<Extract<Request, { kind: 'apply' }>['grants']>[number];
type SealGrant = Extract<Request, { kind: 'authorize' }>['grants'][number];

export function isWindowKind(kind: string): kind is WindowKind {
  return (WINDOW_KINDS as readonly string[]).includes(kind);
}

/** The form's first grantee from a submitted request (a correction), in the fields' shape. */
function granteeDraft(g: PlannedGrant | SealGrant | undefined): GranteeDraft {
  return g ? { role: g.role, ...g.grantee, medium: g.medium ?? 'phone' } : emptyGrantee;
}

/**
 * One window form (窗口办理): company, what the kind needs, then the application and its form to
 * download. With `rejected`, the rejected application's request fills it in and submitting resubmits it.
 */
export function WindowForm({
  kind,
  onSubmitted,
  rejected,
}: {
  kind: WindowKind;
  onSubmitted: (a: applicationDto.ApplicationView) => void;
  rejected?: applicationDto.ApplicationView;
}) {
  const { me } = useMe();
  const companies = companiesOf(me);
  const was = rejected?.correction as Request | undefined;
  const wasGrants: (PlannedGrant | SealGrant)[] =
    was?.kind === 'apply' || was?.kind === 'change' || was?.kind === 'authorize' ? (was.grants ?? []) : [];
  const [creditCode, setCreditCode] = useState(was?.company.creditCode ?? companies[0]?.companyId ?? '');
  const [companyName, setCompanyName] = useState(was?.company.name ?? companies[0]?.name ?? '');
  const [kinds, setKinds] = useState<SealKind[]>(was && 'kinds' in was ? was.kinds : []);
  const [sealAlgorithm, setSealAlgorithm] = useState<SealAlgorithm>(
    (was?.kind === 'apply' || was?.kind === 'change') && was.sealAlgorithm ? was.sealAlgorithm : DEFAULT_SEAL_ALGORITHM,
  );
  const [bilingualName, setBilingualName] = useState(was?.kind === 'apply' && was.bilingualName === true);
  const [sealIds, setSealIds] = useState<string[]>(
    was && 'sealIds' in was ? was.sealIds : was?.kind === 'authorize' ? (was.grants[0]?.sealIds ?? []) : [],
  );
  const [grantIds, setGrantIds] = useState<string[]>(was?.kind === 'cancel_authorization' ? was.grantIds : []);
  const [reason, setReason] = useState(
    was?.kind === 'freeze' || was?.kind === 'unfreeze' ? was.reason : was?.kind === 'revoke' ? (was.reason.text ?? '') : '',
  );
  const [category, setCategory] = useState<RevocationCategory>(was?.kind === 'revoke' ? was.reason.category : 'company_merged');
  const [withGrant, setWithGrant] = useState(wasGrants.length > 0);
  const [grantee, setGrantee] = useState<GranteeDraft>(granteeDraft(wasGrants[0]));
  // Further grantees of a corrected application (this form edits one), sent again unchanged.
  const moreGrants = wasGrants.slice(1);
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
    () => (known ? call(routes.companySeals, { params: { companyId: creditCode } }) : Promise.resolve(undefined)),
    [creditCode, known],
  );
  const grants = useApi(() => (kind === 'cancel_authorization' ? call(routes.grantsList) : Promise.resolve(undefined)), [kind]);
  const mayCancel = me ? authorize(actorOf(me), 'window.cancel_authorization', { companyId: creditCode }).allowed : false;
  if (kind === 'cancel_authorization' && !mayCancel) return <p className="warn">窗口取消授权业务需法定代表人本人办理。</p>;

  const needsKinds = kind === 'apply' || kind === 'change';
  const needsSeals = kind === 'authorize' || kind === 'revoke' || kind === 'freeze' || kind === 'unfreeze';
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const foreignInvested = me?.companies.some((c) => c.companyId === creditCode && c.type === 'foreign_invested') ?? false;

  const build = (): unknown => {
    const company = { creditCode: creditCode.trim().toUpperCase(), name: companyName };
    const planned = withGrant ? [{ ...granteeOf(grantee), kinds }, ...moreGrants] : moreGrants.length > 0 ? moreGrants : undefined;
    switch (kind) {
      case 'apply':
        return { kind, company, kinds, sealAlgorithm, ...(bilingualName ? { bilingualName } : {}), grants: planned };
      case 'change':
        return { kind, company, kinds, sealAlgorithm, grants: planned };
      case 'authorize':
        return { kind, company, grants: [{ ...granteeOf(grantee), sealIds }, ...moreGrants] };
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
      onSubmitted(
        rejected
          ? await call(routes.resubmitApplication, {
              params: { applicationId: rejected.applicationId },
              body: { request: checked.value, expectedVersion: rejected.version },
            })
          : await call(routes.submitWindowApplication, { body: checked.value }),
      );
    } catch (e) {
      setMessages([(e as Error).message]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="window-business">
      <form className="window-form" data-testid={`window-form-${kind}`} onSubmit={(e) => (e.preventDefault(), submit())}>
        <h3>{rejected ? `修改后重新提交 · ${APPLICATION_KIND_LABELS[kind]}` : `窗口${APPLICATION_KIND_LABELS[kind]}`}</h3>
        {rejected && (
          <div className="warn" role="note" data-testid="rejection">
            <p>
              <strong>驳回原因：</strong>
              {rejected.decisionReason ?? '—'}
            </p>
            <p>请按驳回原因修改后重新提交。提交后将生成新的申请编号和申请表，原申请 {rejected.reference} 不再受理。</p>
          </div>
        )}
        <fieldset>
          <legend>企业信息</legend>
          {companies.length > 0 && !rejected && (
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
            <input name="creditCode" value={creditCode} readOnly={!!rejected} onChange={(e) => setCreditCode(e.target.value)} />
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
            {kind === 'apply' && foreignInvested && (
              <>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={bilingualName}
                    onChange={(e) => {
                      setBilingualName(e.target.checked);
                      if (e.target.checked && !kinds.includes('company_name')) setKinds([...kinds, 'company_name']);
                    }}
                  />{' '}
                  法定名称章制作为中英文名称章（外资企业）
                </label>
                <p className="muted" data-testid="bilingual-note">
                  {BILINGUAL_NAME_NOTE}
                </p>
              </>
            )}
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
        {moreGrants.length > 0 && <p className="muted">另有{moreGrants.length}位被授权人按原申请一并提交。</p>}
        <button className="button primary" type="submit" disabled={busy}>
          {rejected ? '重新提交申请' : '提交申请'}
        </button>
      </form>
      <WindowGuide
        kind={kind}
        facts={{
          bilingualName: kind === 'apply' && bilingualName,
          withGrantees: withGrant || kind === 'authorize' || moreGrants.length > 0,
        }}
      />
    </div>
  );
}
