import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { Button, Cell, CellGroup } from '../../components/nutui';
import { FormError } from '../../components/feedback';
import { useAction } from '../../components/use-action';
import { useRemote } from '../../components/use-remote';
import { WithSession } from '../../components/with-session';
import { ROLE_LABELS } from '../../domain';
import { openPage } from '../../platform';
import type { Me } from '../../services/me';
import { fetchNotifications } from '../../services/notifications';
import { logout } from '../../services/session';
import { forgetSession } from '../../services/session-store';
import { FontSizeSetting } from './font-size-setting';
import { MySeals } from './my-seals';
import '../../components/forms.css';
import './index.css';

/** 消息 with its unread count (read again each time 我的 is shown). */
function MessagesEntry() {
  const { remote, reload } = useRemote(fetchNotifications, []);
  useDidShow(() => void reload());
  const unread = remote.status === 'ready' ? remote.data.unread : 0;
  return (
    <Cell
      title="消息"
      extra={unread > 0 ? `${unread}条未读` : undefined}
      clickable
      onClick={() => void openPage('/packages/mine/messages/index')}
    />
  );
}

function Profile({ me }: { me: Me }) {
  const { busy, error, run } = useAction();
  const signOut = () => run(async () => logout().finally(forgetSession));
  return (
    <View>
      <View className="card">
        <Text className="card-title">{me.person.name}</Text>
        <Text className="text-muted">{`身份证号码 ${me.person.idNumberMasked}`}</Text>
      </View>
      <View className="card">
        <Text className="card-title">我的企业</Text>
        {me.companies.length + me.grants.length === 0 && <Text className="text-muted">暂无关联企业</Text>}
        {me.companies.map((c) => (
          <View key={c.companyId} className="list-item">
            <Text className="list-title">{c.name}</Text>
            <Text className="list-sub">{ROLE_LABELS.legal_representative}</Text>
          </View>
        ))}
        {me.grants.map((g) => (
          <View key={g.grantId} className="list-item">
            <Text className="list-title">{g.companyName}</Text>
            <Text className="list-sub">{`${ROLE_LABELS[g.role]} · ${g.sealIds.length}枚印章`}</Text>
          </View>
        ))}
      </View>
      <MySeals me={me} />
      <CellGroup>
        <MessagesEntry />
        <Cell title="我的文件" clickable onClick={() => void openPage('/packages/mine/documents/index')} />
        <Cell title="批量签章进度" clickable onClick={() => void openPage('/packages/sign/batches/index')} />
        <Cell title="授权管理" clickable onClick={() => void openPage('/packages/grant/manage/index')} />
        <Cell title="我的申请" clickable onClick={() => void openPage('/packages/apply/mine/index')} />
        <Cell title="扫一扫" clickable onClick={() => void openPage('/packages/scan/confirm/index')} />
      </CellGroup>
      <FormError message={error} />
      <Button block loading={busy} disabled={busy} onClick={() => void signOut()}>
        退出登录
      </Button>
    </View>
  );
}

/** 帮助与说明: open to everyone, logged in or not. */
function MoreLinks() {
  return (
    <CellGroup>
      <Cell title="帮助与常见问题" clickable onClick={() => void openPage('/packages/about/help/index')} />
      <Cell title="隐私保护指引" clickable onClick={() => void openPage('/packages/about/privacy/index')} />
      <Cell title="用户服务协议" clickable onClick={() => void openPage('/packages/about/agreement/index')} />
    </CellGroup>
  );
}

// 我的: who I am, my companies and seals, 授权管理, my applications, text size, 退出登录.
export default function MinePage() {
  return (
    <PageShell>
      <Text className="page-title">我的</Text>
      {/* 适老化: the text size comes first, reachable before logging in and without scrolling. */}
      <FontSizeSetting />
      <WithSession>{(me) => <Profile me={me} />}</WithSession>
      <MoreLinks />
    </PageShell>
  );
}
