import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { FormError } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { chooseFile, readChosenFile } from '../../../platform';
import { MAX_VERIFY_BYTES, verifyDocument, type VerificationReport } from '../../../services/verify';
import { ReportView } from './report-view';
import '../../../components/forms.css';

// 文档验证: anyone, no login. The PDF is the body of `routes.verifyDocument`; larger files are refused here
// (the API's body limit) with the message the API would give.
export default function VerifyPage() {
  const [result, setResult] = useState<{ fileName: string; report: VerificationReport } | null>(null);
  const { busy, error, setError, run } = useAction();
  const pick = () =>
    run(async () => {
      setResult(null);
      const file = await chooseFile({ extensions: ['pdf'] });
      if (file.size > MAX_VERIFY_BYTES) return setError(`文件过大，手机端验证的文件不能超过${MAX_VERIFY_BYTES / 1024 / 1024}MB`);
      const report = await verifyDocument(await readChosenFile(file));
      setResult({ fileName: file.name, report });
    });
  return (
    <PageShell>
      <Text className="page-title">文档验证</Text>
      <View className="card">
        <Text className="page-note">选择已签章的PDF文件，验证签章是否有效、文件签章后是否被修改。</Text>
        <FormError message={error} />
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void pick()}>
          {busy ? '正在验证…' : '选择PDF文件'}
        </Button>
      </View>
      {result && <ReportView fileName={result.fileName} report={result.report} />}
    </PageShell>
  );
}
