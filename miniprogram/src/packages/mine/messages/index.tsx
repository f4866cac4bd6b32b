import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { formatBeijingDateTime } from '@seal/shared/time';
import { PageShell } from '../../../components/page-shell';
import { Button, Tag } from '../../../components/nutui';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { LoadMore } from '../../../components/load-more';
import { usePagedList } from '../../../components/use-paged-list';
import { WithSession } from '../../../components/with-session';
import { openPage, openTab } from '../../../platform';
import { fetchNotifications, markRead, type NotificationView } from '../../../services/notifications';
import { messageLink } from './message-link';
import '../../../components/forms.css';
import './index.css';

function Messages() {
  const list = usePagedList(fetchNotifications, []);
  const { remote, reload, items } = list;
  const { busy, error, run } = useAction();
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const { unread } = remote.data;
  const unreadIds = items.filter((n) => !n.readAt).map((n) => n.notificationId);
  const readAll = () =>
    run(async () => {
      await markRead(unreadIds);
      await reload();
    });
  // Opening a message reads it; it then leads where it is about (the grant, the application, the seals).
  const open = (n: NotificationView) =>
    run(async () => {
      if (!n.readAt) await markRead([n.notificationId]);
      const link = messageLink(n);
      await (link.tab ? openTab(link.url) : openPage(link.url));
    });
  return (
    <View>
      <View className="row message-summary">
        <Text className="text-muted" aria-live="polite">
          {unread > 0 ? `${unread}条未读消息` : '没有未读消息'}
        </Text>
        {unreadIds.length > 0 && (
          <Button size="small" loading={busy} disabled={busy} onClick={() => void readAll()}>
            全部标为已读
          </Button>
        )}
      </View>
      <FormError message={error} />
      <View className="card">
        {items.length === 0 && <Text className="text-muted">暂无消息</Text>}
        {items.map((n) => (
          <View
            key={n.notificationId}
            className={`list-item message${n.readAt ? '' : ' message--unread'}`}
            role="button"
            onClick={() => void open(n)}
          >
            <View className="row">
              <Text className="list-title">{n.title}</Text>
              {!n.readAt && <Tag type="danger">未读</Tag>}
            </View>
            <Text className="message-body">{n.body}</Text>
            <Text className="list-sub">{formatBeijingDateTime(n.createdAt)}</Text>
          </View>
        ))}
      </View>
      <LoadMore list={list} />
    </View>
  );
}

// 消息: what the platform told me (grants, applications, seals revoked, certificates expiring), newest first.
export default function MessagesPage() {
  return (
    <PageShell>
      <Text className="page-title">消息</Text>
      <WithSession>{() => <Messages />}</WithSession>
    </PageShell>
  );
}
