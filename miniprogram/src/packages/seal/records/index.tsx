import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { formatBeijingDateTime } from '@seal/shared/time';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ErrorBlock, Loading } from '../../../components/feedback';
import { LoadMore } from '../../../components/load-more';
import { usePagedList } from '../../../components/use-paged-list';
import { WithSession } from '../../../components/with-session';
import { openPage } from '../../../platform';
import { fetchSigningRecords, shortHash, type SigningRecordView } from '../../../services/documents';
import '../../../components/forms.css';

/** 文档验证 with this record's hash, so the page can say whether the chosen file is the one signed. */
function verifyUrl(record: SigningRecordView): string {
  return `/packages/seal/verify/index?sha256=${record.sha256}&name=${encodeURIComponent(record.documentName)}`;
}

function Records({ sealId }: { sealId: string }) {
  const list = usePagedList((cursor?: string) => fetchSigningRecords(sealId, cursor), [sealId]);
  const { remote, reload, items } = list;
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const { seal } = remote.data;
  return (
    <View>
      <View className="card">
        <Text className="card-title">{seal.name}</Text>
        <Text className="text-muted">{seal.companyName}</Text>
      </View>
      <View className="card">
        {items.length === 0 && <Text className="text-muted">该印章暂无用印记录</Text>}
        {items.map((r) => (
          <View key={r.recordId} className="list-item">
            <Text className="list-title">{r.documentName}</Text>
            <Text className="list-sub">{`签署人 ${r.signerName}`}</Text>
            <Text className="list-sub">{`签署时间 ${formatBeijingDateTime(r.signedAt)}`}</Text>
            <Text className="list-sub">{`文件摘要 ${shortHash(r.sha256)}`}</Text>
            <Button size="small" aria-label={`验证文件${r.documentName}`} onClick={() => void openPage(verifyUrl(r))}>
              验证文件
            </Button>
          </View>
        ))}
      </View>
      <LoadMore list={list} />
    </View>
  );
}

// 用印记录: what one seal signed, by whom and when (legal representative and administrators, newest first).
export default function SigningRecordsPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <Text className="page-title">用印记录</Text>
      <WithSession>{() => <Records sealId={params.sealId ?? ''} />}</WithSession>
    </PageShell>
  );
}
