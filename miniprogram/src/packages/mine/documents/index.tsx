import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatBeijingDateTime } from '@seal/shared/time';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { LoadMore } from '../../../components/load-more';
import { usePagedList } from '../../../components/use-paged-list';
import { WithSession } from '../../../components/with-session';
import { platformName, shareFile } from '../../../platform';
import { fetchDocument, fetchMyDocuments, shortHash, signedFileName, type MyDocumentView } from '../../../services/documents';
import '../../../components/forms.css';

function Documents() {
  const list = usePagedList(fetchMyDocuments, []);
  const { remote, reload, items } = list;
  const { busy, error, run } = useAction();
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  // The download URL is short-lived: asked for when the button is pressed, not when the list loads.
  const share = (doc: MyDocumentView) =>
    run(async () => {
      const { downloadUrl } = await fetchDocument(doc.documentId);
      if (!downloadUrl) throw new Error('该文件暂不能下载，请稍后重试');
      await shareFile({ name: signedFileName(doc.name), url: downloadUrl });
    });
  const shareLabel = platformName === 'weapp' ? '发送给微信好友' : '下载';
  return (
    <View>
      <FormError message={error} />
      <View className="card">
        {items.length === 0 && <Text className="text-muted">暂无已签章的文件</Text>}
        {items.map((doc) => (
          <View key={doc.documentId} className="list-item">
            <Text className="list-title">{signedFileName(doc.name)}</Text>
            <Text className="list-sub">{`签章时间 ${formatBeijingDateTime(doc.signedAt)}`}</Text>
            <Text className="list-sub">{`${doc.pages} 页 · ${doc.signatures} 个签章`}</Text>
            <Text className="list-sub">{`文件摘要 ${shortHash(doc.sha256)}`}</Text>
            <Button size="small" disabled={busy} aria-label={`${shareLabel}${signedFileName(doc.name)}`} onClick={() => void share(doc)}>
              {shareLabel}
            </Button>
          </View>
        ))}
      </View>
      <LoadMore list={list} />
    </View>
  );
}

// 我的文件: the documents I signed (their latest signed version), newest first, to download or send.
export default function MyDocumentsPage() {
  return (
    <PageShell>
      <Text className="page-title">我的文件</Text>
      <WithSession>{() => <Documents />}</WithSession>
    </PageShell>
  );
}
