import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../components/page-shell';
import { Button } from '../../../components/nutui';
import { EmptyNote, ErrorBlock, Loading } from '../../../components/feedback';
import { SealSummary } from '../../../components/seal-summary';
import { useRemote } from '../../../components/use-remote';
import { WithSession } from '../../../components/with-session';
import { goBack } from '../../../platform';
import type { Me } from '../../../services/me';
import { ClaimForm } from './claim-form';
import { fetchClaimableSeals, type ClaimableSeal } from './claimable';
import '../../../components/forms.css';

function Claim({ me, preselected }: { me: Me; preselected?: string }) {
  const { remote, reload } = useRemote(() => fetchClaimableSeals(me), [me.person.personId]);
  const [picked, setPicked] = useState<string | undefined>(preselected);
  const [done, setDone] = useState<{ message: string; serial: string } | null>(null);
  if (done)
    return (
      <View className="card feedback">
        <Text className="success-text">{done.message}</Text>
        <Text className="text-muted">{`证书序列号：${done.serial}`}</Text>
        <Button type="primary" block onClick={() => void goBack()}>
          完成
        </Button>
      </View>
    );
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'error') return <ErrorBlock message={remote.message} onRetry={() => void reload()} />;
  const seal: ClaimableSeal | undefined = remote.data.find((s) => s.sealId === picked);
  if (seal) return <ClaimForm seal={seal} onClaimed={(message, serial) => setDone({ message, serial })} />;
  if (remote.data.length === 0) return <EmptyNote text="暂无待领取的印章" />;
  return (
    <View className="card">
      <Text className="card-title">选择要领取的印章</Text>
      {remote.data.map((s) => (
        <View key={s.sealId} role="button" onClick={() => setPicked(s.sealId)}>
          <Text className="list-sub">{s.companyName}</Text>
          <SealSummary seal={s} unclaimedByMe />
        </View>
      ))}
    </View>
  );
}

// 印章领取: pick a seal I may claim, set its PIN, face check, certificate issued.
export default function ClaimPage() {
  const { params } = useRouter();
  return (
    <PageShell>
      <Text className="page-title">印章领取</Text>
      <WithSession>{(me) => <Claim me={me} preselected={params.sealId} />}</WithSession>
    </PageShell>
  );
}
