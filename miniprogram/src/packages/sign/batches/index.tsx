import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { formatBeijingDateTime } from '@seal/shared/time';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { EmptyNote, ErrorBlock, Loading } from '../../../components/feedback';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { openPage } from '../../../platform';
import { fetchSigningBatch, fetchSigningBatches } from '../../../services/documents';
import '../../../components/forms.css';

const POLL_MS = 2000;

/** 我的批量签章: the batches started on the desktop in the last 7 days; tap one to follow it. */
function BatchList() {
  const { remote, reload } = useRemote(fetchSigningBatches, []);
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const { batches } = remote.data;
  return (
    <View className="card">
      {batches.length === 0 && <EmptyNote text="近7天没有批量签章。批量签章请在电脑端【批量签章】发起，用本小程序扫码确认。" />}
      {batches.map((b) => (
        <View key={b.batchId} className="list-item">
          <Text className="list-title">{`批量签章 ${b.total} 份文件`}</Text>
          <Text className="list-sub">{`发起时间 ${formatBeijingDateTime(b.createdAt)}`}</Text>
          <Button
            size="small"
            aria-label={`查看${formatBeijingDateTime(b.createdAt)}的批量签章`}
            onClick={() => void openPage(`/packages/sign/batches/index?batchId=${b.batchId}`)}
          >
            查看进度
          </Button>
        </View>
      ))}
      <Button block onClick={() => void reload()}>
        刷新
      </Button>
    </View>
  );
}

/** One batch, polled while documents are pending: counts, then each document's outcome (a failure with its message). */
function BatchDetail({ batchId }: { batchId: string }) {
  const { remote, reload } = useRemote(() => fetchSigningBatch(batchId), [batchId]);
  const running = remote.status === 'ready' && remote.data.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => void reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [remote, running]);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const view = remote.data;
  const failed = view.documents.filter((d) => d.state === 'failed');
  return (
    <View>
      <View className="card" aria-live="polite">
        <Text className="card-title">{view.state === 'done' ? '批量签章完成' : '正在批量签章…'}</Text>
        {(
          [
            ['文件总数', view.total],
            ['已签章', view.signed],
            ['未签章', view.failed],
            ['处理中', view.pending],
          ] as const
        ).map(([label, count]) => (
          <View key={label} className="kv">
            <Text className="text-muted">{label}</Text>
            <Text>{`${count} 份`}</Text>
          </View>
        ))}
        <Text className="text-muted">{`发起时间 ${formatBeijingDateTime(view.createdAt)}`}</Text>
      </View>
      {failed.length > 0 && (
        <View className="card">
          <Text className="card-title">未签章的文件</Text>
          {failed.map((d) => (
            <View key={d.documentId} className="list-item">
              <Text className="list-title">{d.name ?? d.documentId}</Text>
              <Text className="list-sub error-text">{d.error?.message ?? '签章失败'}</Text>
            </View>
          ))}
        </View>
      )}
      <Text className="page-note">已签章的文件与汇总报告请在电脑端【批量签章】下载。</Text>
    </View>
  );
}

// 批量签章进度 (decision 0211): a holder follows on the phone a batch the desktop started and the phone approved.
export default function SigningBatchesPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <Text className="page-title">批量签章进度</Text>
      <WithSession>{() => (params.batchId ? <BatchDetail batchId={params.batchId} /> : <BatchList />)}</WithSession>
    </PageShell>
  );
}
