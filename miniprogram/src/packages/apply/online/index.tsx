import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ChoiceChips } from '../../../components/choice-chips';
import { CompanyPicker } from '../../../components/company-picker';
import { EmptyNote, FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { WithSession } from '../../../components/with-session';
import { DEFAULT_SEAL_ALGORITHM, ONLINE_APPLICABLE_KINDS, SEAL_ALGORITHMS, SEAL_ALGORITHM_LABELS, SEAL_KIND_LABELS, type SealAlgorithm, type SealKind } from '../../../domain';
import { ApiError, openPage, replacePage } from '../../../platform';
import type { applicationDto } from '@seal/shared/api';
import { applyOnline, finishLicenceAuthorization, startLicenceAuthorization } from '../../../services/applications';
import { passFaceCheck } from '../../../services/face-check';
import type { Me } from '../../../services/me';
import { companiesFor } from '../../../services/permissions';
import '../../../components/forms.css';

type Started = applicationDto.LicenceAuthorizationStarted;
type Verified = applicationDto.LicenceAuthorizationResult;

/** Where a company that cannot apply online goes: the window application, its company chosen. */
const windowApplication = (companyId: string) => `/packages/apply/window/index?kind=apply&companyId=${companyId}`;

/**
 * 电子营业执照验证: the licence is presented and verified before anything else; locally the
 * platform's stand-in shows the seeded company's licence to authorize or decline. A refusal says
 * to apply at the window, with the way there.
 */
function LicenceStep({ companyId, onVerified }: { companyId: string; onVerified: (v: Verified) => void }) {
  const [started, setStarted] = useState<Started>();
  const [refused, setRefused] = useState(false);
  const { busy, error, run } = useAction();
  const start = () =>
    void run(async () => {
      setRefused(false);
      try {
        setStarted(await startLicenceAuthorization(companyId));
      } catch (failure) {
        setRefused(true);
        throw failure;
      }
    });
  const answer = (presented: boolean) =>
    void run(async () => {
      const authorizationId = started!.authorizationId;
      setStarted(undefined);
      try {
        onVerified(await finishLicenceAuthorization(authorizationId, presented));
      } catch (failure) {
        setRefused(true);
        throw failure;
      }
    });
  return (
    <View className="card" data-testid="licence-step">
      <Text className="section-title">第一步：电子营业执照验证</Text>
      {!started && (
        <>
          <Text className="page-note">请出示本企业的电子营业执照并授权本平台验证。</Text>
          <FormError message={error} />
          {refused && (
            <Button block onClick={() => void openPage(windowApplication(companyId))}>
              前往窗口办理
            </Button>
          )}
          <Button type="primary" block loading={busy} disabled={busy} onClick={start}>
            出示电子营业执照
          </Button>
        </>
      )}
      {started && (
        <View data-testid="licence-simulated">
          <Text className="page-note">（本地演示：模拟电子营业执照授权）</Text>
          <View><Text>企业名称：{started.company.name}</Text></View>
          <View><Text>统一社会信用代码：{started.company.companyId}</Text></View>
          <Text className="page-note">是否授权“电子印章平台”获取并验证本企业的电子营业执照？</Text>
          <Button type="primary" block loading={busy} disabled={busy} onClick={() => answer(true)}>
            授权
          </Button>
          <Button block disabled={busy} onClick={() => answer(false)}>
            拒绝
          </Button>
        </View>
      )}
    </View>
  );
}

function OnlineApply({ me }: { me: Me }) {
  const companies = companiesFor(me, 'seal.apply_online');
  const [companyId, setCompanyId] = useState(companies[0]?.companyId);
  const [licence, setLicence] = useState<Verified>();
  const [kinds, setKinds] = useState<SealKind[]>([]);
  const [algorithm, setAlgorithm] = useState<SealAlgorithm>(DEFAULT_SEAL_ALGORITHM);
  const { busy, error, setError, run } = useAction();
  const [windowRequired, setWindowRequired] = useState(false);
  if (!companyId) return <EmptyNote text="在线申请需商事主体负责人本人办理" />;
  const submit = () => {
    if (kinds.length === 0) return setError('请至少选择一枚印章');
    setWindowRequired(false);
    void run(async () => {
      try {
        // The face check is refused first when the company must apply at the window: no face for nothing.
        const faceTicket = await passFaceCheck('seal.apply_online', { companyId });
        await applyOnline(companyId, { faceTicket, licenceTicket: licence!.authorizationId, kinds, sealAlgorithm: algorithm });
      } catch (failure) {
        if (failure instanceof ApiError && failure.code === 'WINDOW_REQUIRED') setWindowRequired(true);
        throw failure;
      }
      await replacePage(`/packages/seal/claim/index`);
    });
  };
  const choose = (id: string) => (setCompanyId(id), setLicence(undefined));
  return (
    <>
      <View className="card">
        <CompanyPicker companies={companies} companyId={companyId} onChange={choose} />
      </View>
      {!licence && <LicenceStep key={companyId} companyId={companyId} onVerified={setLicence} />}
      {licence && (
        <View className="card" data-testid="licence-verified">
          <Text className="section-title">电子营业执照已验证</Text>
          <View><Text>{licence.licence.companyName}（{licence.licence.companyTypeLabel}）</Text></View>
          <View><Text>法定代表人（负责人）：{licence.licence.legalRepName}</Text></View>
          <View><Text>成立日期：{licence.licence.registeredOn}</Text></View>
        </View>
      )}
      {licence && (
        <View className="card">
          <ChoiceChips
            label="申请印章"
            choices={ONLINE_APPLICABLE_KINDS.map((value) => ({ value, label: SEAL_KIND_LABELS[value] }))}
            selected={kinds}
            onChange={setKinds}
          />
          <ChoiceChips
            label="签名算法"
            single
            choices={SEAL_ALGORITHMS.map((value) => ({ value, label: SEAL_ALGORITHM_LABELS[value] }))}
            selected={[algorithm]}
            onChange={([value]) => value && setAlgorithm(value)}
          />
          <Text className="page-note">国际算法适用于各类 PDF 阅读器验证；国密算法适用于 OFD 文档和国内电子印章平台互认。</Text>
          <Text className="page-note">提交后印章即制作完成，可在“印章领取”中领取。</Text>
          <FormError message={error} />
          {windowRequired ? (
            <Button type="primary" block onClick={() => void replacePage(windowApplication(companyId))}>
              前往窗口办理
            </Button>
          ) : (
            <Button type="primary" block loading={busy} disabled={busy} onClick={submit}>
              人脸核验并提交
            </Button>
          )}
        </View>
      )}
    </>
  );
}

// 在线申请 (legal representative: 电子营业执照, then a face check): the seals are made at once and wait to be claimed.
export default function OnlineApplyPage() {
  return (
    <PageShell>
      <Text className="page-title">在线申请</Text>
      <WithSession>{(me) => <OnlineApply me={me} />}</WithSession>
    </PageShell>
  );
}
