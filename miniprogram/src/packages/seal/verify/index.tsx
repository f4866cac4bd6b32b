import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { chooseFile, readChosenFile } from '../../../platform';
import { shortHash } from '../../../services/documents';
import { MAX_VERIFY_BYTES, verifyDocument, type VerificationReport } from '../../../services/verify';
import { ReportView } from './report-view';
import '../../../components/forms.css';

/** Router parameters arrive encoded on some platforms and decoded on others. */
function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// 文档验证: anyone, no login. The PDF or OFD is the body of `routes.verifyDocument`; larger files are refused here
// (the API's body limit) with the message the API would give.
export default function VerifyPage() {
  // Opened from 用印记录: the record's hash, to say whether the chosen file is the one that seal signed.
  const { params } = useRouter();
  const expected = /^[0-9a-f]{64}$/.test(params.sha256 ?? '') ? { sha256: params.sha256!, name: decoded(params.name ?? '') } : null;
  const [result, setResult] = useState<{ fileName: string; report: VerificationReport } | null>(null);
  const { busy, error, setError, run } = useAction();
  const pick = () =>
    run(async () => {
      setResult(null);
      const file = await chooseFile({ extensions: ['pdf', 'ofd'] });
      if (file.size > MAX_VERIFY_BYTES) return setError(`文件过大，手机端验证的文件不能超过${MAX_VERIFY_BYTES / 1024 / 1024}MB`);
      const report = await verifyDocument(await readChosenFile(file));
      setResult({ fileName: file.name, report });
    });
  return (
    <PageShell>
      <Text className="page-title">文档验证</Text>
      <View className="card">
        <Text className="page-note">选择已签章的PDF或OFD文件，验证签章是否有效、文件签章后是否被修改。</Text>
        {expected && <Text className="page-note">{`核对用印记录：${expected.name}，文件摘要 ${shortHash(expected.sha256)}`}</Text>}
        <FormError message={error} />
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void pick()}>
          {busy ? '正在验证…' : '选择PDF或OFD文件'}
        </Button>
      </View>
      {result && expected && (
        <View className="card" role="status">
          {result.report.sha256 === expected.sha256 ? (
            <Text className="success-text">与用印记录一致：正是该印章签署的这份文件</Text>
          ) : (
            <Text className="error-text">与用印记录不一致：所选文件不是该记录签署的版本</Text>
          )}
        </View>
      )}
      {result && <ReportView fileName={result.fileName} report={result.report} />}
    </PageShell>
  );
}
