import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { ErrorBlock, Loading } from '../../components/feedback';
import { LoginRequired } from '../../components/login-required';
import { openPage, openTab } from '../../platform';
import { useSession } from '../../services/session-store';
import { homeEntries, type HomeEntry } from './entries';
import { PlatformStatus } from './platform-status';
import { usePlatformHealth } from './use-platform-health';
import '../../components/forms.css';
import './index.css';

function EntryGrid({ entries }: { entries: HomeEntry[] }) {
  return (
    <View className="entry-grid">
      {entries.map((entry) => (
        <View key={entry.label} className="entry" role="button" onClick={() => void (entry.tab ? openTab(entry.url) : openPage(entry.url))}>
          <Text>{entry.label}</Text>
        </View>
      ))}
    </View>
  );
}

export default function HomePage() {
  const { view, reload } = usePlatformHealth();
  const { session, reload: reloadSession } = useSession();
  const me = session.status === 'ready' ? session.me : null;
  return (
    <PageShell>
      <View className="home-banner">
        <Text className="home-banner-title">统一电子印章平台</Text>
        <Text className="home-banner-text">{me ? `${me.person.name}，您好` : '电子印章申领、管理、签章与验章'}</Text>
      </View>
      {session.status === 'anonymous' && <LoginRequired />}
      {session.status === 'loading' && <Loading />}
      {session.status === 'error' && <ErrorBlock message={session.message} onRetry={() => void reloadSession()} />}
      <View className="card">
        <EntryGrid entries={homeEntries(me)} />
      </View>
      <PlatformStatus view={view} onRetry={reload} />
    </PageShell>
  );
}
