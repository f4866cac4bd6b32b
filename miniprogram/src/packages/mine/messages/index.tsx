import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import { formatBeijingDateTime } from '@seal/shared/time';
import { PageShell } from '../../../components/page-shell';
import { Button, Tag } from '../../../components/nutui';
import { ErrorBlock, FormError, Loading } from '../../../components/feedback';
import { useAction } from '../../../components/use-action';
import { LoadMore } from '../../../components/load-more';
import { usePagedList } from '../../../components/use-paged-list';
import { WithSession } from '../../../components/with-session';
import { canSubscribeMessages, openPage, openTab, subscribeMessages } from '../../../platform';
import { fetchNotifications, markRead, type NotificationView } from '../../../services/notifications';
import { messageLink } from './message-link';
import '../../../components/forms.css';
import './index.css';

function Messages() {
  const list = usePagedList(fetchNotifications, []);
  const { remote, reload, items } = list;
  const { busy, error, run } = useAction();
  const [subscribed, setSubscribed] = useState<string>();
  useDidShow(() => void reload());
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const { unread, subscribeTemplates } = remote.data;
  // WeChat asks only from a tap, and each acceptance allows one 服务通知 per kind: offered each visit.
  const subscribe = () =>
    run(async () => {
      const accepted = await subscribeMessages(subscribeTemplates.map((t) => t.templateId));
      setSubscribed(accepted.length > 0 ? `已开启${accepted.length}类微信通知，下一条同类消息将通过微信服务通知发送给您` : '未开启微信通知，消息仍会显示在这里');
    });
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
      {canSubscribeMessages && subscribeTemplates.length > 0 && (
        <View className="card">
          <Text className="text-muted">开启后，授权、申请结果和证书到期提醒也会通过微信服务通知发送给您。</Text>
          <Button size="small" disabled={busy} onClick={() => void subscribe()}>
            开启微信通知
          </Button>
          {subscribed && (
            <Text className="text-muted" aria-live="polite">
              {subscribed}
            </Text>
          )}
        </View>
      )}
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
