import { Text, View } from '@tarojs/components';
import { formatBeijingDateTime } from '@seal/shared/time';
import * as routes from '@seal/shared/routes';
import { Button, Tag } from '../../../components/nutui';
import { FormError } from '../../../components/feedback';
import { sealKindLabel } from '../../../components/seal-summary';
import { useAction } from '../../../components/use-action';
import { openFile, platformName, routePath } from '../../../platform';
import { SIGNATURE_VERDICT_LABELS, VERDICT_LABELS, type VerificationReport } from '../../../services/verify';

/** The verdict first, then each signature: who signed, with which seal, when, and why not, if not. */
export function ReportView({ fileName, report }: { fileName: string; report: VerificationReport }) {
  const ok = report.verdict === 'valid';
  const { busy, error, run } = useAction();
  const reportId = report.reportId;
  const download = () =>
    reportId &&
    run(() => openFile({ name: `验证报告-${report.sha256.slice(0, 8)}.pdf`, url: routePath(routes.verificationReport, { reportId }) }));
  return (
    <View className="card" aria-live="polite">
      <View className="row">
        <Text className="card-title">{fileName}</Text>
        <Tag type={ok ? 'success' : 'danger'}>{VERDICT_LABELS[report.verdict]}</Tag>
      </View>
      {report.reasons.map((reason) => (
        <Text key={reason} className="list-sub">
          {reason}
        </Text>
      ))}
      {report.signatures.length === 0 && <Text className="text-muted">该文件中没有电子签章</Text>}
      {report.signatures.map((sig) => (
        <View key={sig.fieldName} className="list-item">
          <View className="row">
            <Text className="list-title">{sig.platform?.sealName ?? sig.seal.name ?? sig.signer.name ?? '未知印章'}</Text>
            <Tag type={sig.verdict === 'valid' ? 'success' : 'danger'}>{SIGNATURE_VERDICT_LABELS[sig.verdict]}</Tag>
          </View>
          <Text className="list-sub">{sig.platform?.companyName ?? sig.signer.organization ?? ''}</Text>
          {(sig.platform?.sealKind ?? sig.seal.kind) && <Text className="list-sub">{sealKindLabel(sig.platform?.sealKind ?? sig.seal.kind ?? '')}</Text>}
          {sig.signingTime && <Text className="list-sub">{`签章时间：${formatBeijingDateTime(sig.signingTime, { seconds: true })}（北京时间）`}</Text>}
          {sig.verdict !== 'valid' &&
            sig.reasons.map((r) => (
              <Text key={r} className="error-text">
                {r}
              </Text>
            ))}
        </View>
      ))}
      {reportId && (
        <Button block loading={busy} disabled={busy} onClick={() => void download()}>
          {platformName === 'weapp' ? '打开验证报告（PDF）' : '下载验证报告（PDF）'}
        </Button>
      )}
      <FormError message={error} />
    </View>
  );
}
