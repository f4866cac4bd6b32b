import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { isWindowBusiness } from '@seal/shared/content';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { CompanyPicker } from '../../../components/company-picker';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { FormField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { useRemote } from '../../../components/use-remote';
import { WindowGuide } from '../../../components/window-guide';
import { WithSession } from '../../../components/with-session';
import { replacePage } from '../../../platform';
import { fetchApplication, resubmitApplication, submitWindowApplication, type ApplicationView } from '../../../services/applications';
import { fetchGrants } from '../../../services/grants';
import { myCompanies, type Me } from '../../../services/me';
import { fetchCompanySeals } from '../../../services/seals';
import {
  buildWindowRequest,
  draftFromCorrection,
  emptyDraft,
  WINDOW_KINDS,
  WINDOW_TITLES,
  type WindowDraft,
  type WindowKind,
} from './build-request';
import { KindFields } from './kind-fields';
import '../../../components/forms.css';

const NEEDS_SEALS = new Set<WindowKind>(['authorize', 'freeze', 'unfreeze', 'revoke']);

interface FormProps {
  me: Me;
  kind: WindowKind;
  initial: WindowDraft;
  /** Correcting this rejected application: the form resubmits it instead of starting a new one. */
  rejected?: ApplicationView;
}

function WindowForm({ me, kind, initial, rejected }: FormProps) {
  const companies = myCompanies(me);
  const [draft, setDraft] = useState<WindowDraft>(initial);
  const update = (patch: Partial<WindowDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const known = companies.some((c) => c.companyId === draft.creditCode);
  const foreignInvested = me.companies.some((c) => c.companyId === draft.creditCode && c.type === 'foreign_invested');
  const { remote: seals } = useRemote(
    known && NEEDS_SEALS.has(kind) ? () => fetchCompanySeals(draft.creditCode).then((r) => r.seals) : null,
    [draft.creditCode, kind],
  );
  const { remote: grants } = useRemote(kind === 'cancel_authorization' ? () => fetchGrants().then((g) => g.managed) : null, [kind]);
  const { busy, error, setError, run } = useAction();
  const submit = () => {
    const built = buildWindowRequest(kind, draft);
    if ('problem' in built) return setError(built.problem);
    void run(async () => {
      const application = rejected ? await resubmitApplication(rejected, built.request) : await submitWindowApplication(built.request);
      await replacePage(`/packages/apply/result/index?applicationId=${application.applicationId}`);
    });
  };
  return (
    <View>
      {rejected && (
        <View className="card" role="note">
          <Text className="card-title">修改后重新提交</Text>
          <View className="kv">
            <Text className="kv-key">驳回原因</Text>
            <Text>{rejected.decisionReason ?? '—'}</Text>
          </View>
          <Text className="page-note">{`请按驳回原因修改后重新提交。提交后将生成新的申请编号和申请表，原申请 ${rejected.reference} 不再受理。`}</Text>
        </View>
      )}
      <View className="card">
        <Text className="page-note">提交后请下载申请表，签字盖章后携带所需材料到办事窗口办理。</Text>
        {rejected ? (
          <Text className="card-title">{draft.companyName}</Text>
        ) : companies.length > 0 ? (
          <CompanyPicker
            companies={companies}
            companyId={draft.creditCode}
            onChange={(id) =>
              update({
                creditCode: id,
                companyName: companies.find((c) => c.companyId === id)?.name ?? '',
                sealIds: [],
                bilingualName: false,
              })
            }
          />
        ) : (
          <View>
            <FormField label="统一社会信用代码" value={draft.creditCode} onChange={(creditCode) => update({ creditCode })} maxlength={18} />
            <FormField label="企业名称" value={draft.companyName} onChange={(companyName) => update({ companyName })} />
          </View>
        )}
        <KindFields
          kind={kind}
          draft={draft}
          update={update}
          foreignInvested={foreignInvested}
          seals={seals.status === 'ready' ? seals.data : []}
          grants={grants.status === 'ready' ? grants.data.filter((g) => g.state === 'active' && g.companyId === draft.creditCode) : []}
        />
        <FormError message={error} />
        <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
          {rejected ? '重新提交申请' : '提交申请'}
        </Button>
      </View>
      {isWindowBusiness(kind) && (
        <WindowGuide
          kind={kind}
          facts={{ bilingualName: kind === 'apply' && draft.bilingualName, withGrantees: draft.withGrant || draft.moreGrants.length > 0 }}
        />
      )}
    </View>
  );
}

/** The rejected application, read again, its request put back into the form. */
function Correction({ me, applicationId }: { me: Me; applicationId: string }) {
  const { remote, reload } = useRemote(() => fetchApplication(applicationId), [applicationId]);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const corrected = remote.data.correction ? draftFromCorrection(remote.data.correction) : null;
  if (!corrected) return <ErrorBlock message="该申请已重新提交或不能修改后重新提交" />;
  return <WindowForm me={me} kind={corrected.kind} initial={corrected.draft} rejected={remote.data} />;
}

function NewApplication({ me, kind, companyId, sealId }: { me: Me; kind: WindowKind; companyId?: string; sealId?: string }) {
  const companies = myCompanies(me);
  const first = companies.find((c) => c.companyId === companyId) ?? companies[0];
  const initial = { ...emptyDraft(), creditCode: first?.companyId ?? '', companyName: first?.name ?? '', sealIds: sealId ? [sealId] : [] };
  return <WindowForm me={me} kind={kind} initial={initial} />;
}

// 窗口办理: every window business as one form per kind; ends with the application form to download.
// `?resubmit=<applicationId>` opens a rejected application's form again, filled in, to correct.
export default function WindowApplicationPage() {
  const { params } = useRouter();
  const kind = (WINDOW_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as WindowKind) : 'apply';
  return (
    <PageShell>
      <Text className="page-title">{params.resubmit ? '修改申请' : WINDOW_TITLES[kind]}</Text>
      <WithSession>
        {(me) =>
          params.resubmit ? (
            <Correction me={me} applicationId={params.resubmit} />
          ) : (
            <NewApplication me={me} kind={kind} companyId={params.companyId} sealId={params.sealId} />
          )
        }
      </WithSession>
    </PageShell>
  );
}
