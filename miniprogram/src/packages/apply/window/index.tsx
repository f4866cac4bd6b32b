import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { CompanyPicker } from '../../../components/company-picker';
import { FormError } from '../../../components/feedback';
import { FormField } from '../../../components/form-field';
import { useAction } from '../../../components/use-action';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { replacePage } from '../../../platform';
import { submitWindowApplication } from '../../../services/applications';
import { fetchGrants } from '../../../services/grants';
import { myCompanies, type Me } from '../../../services/me';
import { fetchCompanySeals } from '../../../services/seals';
import { buildWindowRequest, emptyDraft, WINDOW_KINDS, WINDOW_TITLES, type WindowDraft, type WindowKind } from './build-request';
import { KindFields } from './kind-fields';
import '../../../components/forms.css';

const NEEDS_SEALS = new Set<WindowKind>(['authorize', 'freeze', 'unfreeze', 'revoke']);

function WindowForm({ me, kind, companyId: initialCompany, sealId }: { me: Me; kind: WindowKind; companyId?: string; sealId?: string }) {
  const companies = myCompanies(me);
  const first = companies.find((c) => c.companyId === initialCompany) ?? companies[0];
  const [draft, setDraft] = useState<WindowDraft>({
    ...emptyDraft(),
    creditCode: first?.companyId ?? '',
    companyName: first?.name ?? '',
    sealIds: sealId ? [sealId] : [],
  });
  const update = (patch: Partial<WindowDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const known = companies.some((c) => c.companyId === draft.creditCode);
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
      const application = await submitWindowApplication(built.request);
      await replacePage(`/packages/apply/result/index?applicationId=${application.applicationId}`);
    });
  };
  return (
    <View className="card">
      <Text className="page-note">提交后请下载申请表，签字盖章后携带相关材料到窗口办理。</Text>
      {companies.length > 0 ? (
        <CompanyPicker
          companies={companies}
          companyId={draft.creditCode}
          onChange={(id) => update({ creditCode: id, companyName: companies.find((c) => c.companyId === id)?.name ?? '', sealIds: [] })}
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
        seals={seals.status === 'ready' ? seals.data : []}
        grants={grants.status === 'ready' ? grants.data.filter((g) => g.state === 'active' && g.companyId === draft.creditCode) : []}
      />
      <FormError message={error} />
      <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
        提交申请
      </Button>
    </View>
  );
}

// 窗口办理: every window business as one form per kind; ends with the application form to download.
export default function WindowApplicationPage() {
  const { params } = useRouter();
  const kind = (WINDOW_KINDS as readonly string[]).includes(params.kind ?? '') ? (params.kind as WindowKind) : 'apply';
  return (
    <PageShell>
      <Text className="page-title">{WINDOW_TITLES[kind]}</Text>
      <WithSession>{(me) => <WindowForm me={me} kind={kind} companyId={params.companyId} sealId={params.sealId} />}</WithSession>
    </PageShell>
  );
}
