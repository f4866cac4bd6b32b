import { Text, View } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { PlatformStatus } from './platform-status';
import { usePlatformHealth } from './use-platform-health';
import './index.css';

export default function HomePage() {
  const { view, reload } = usePlatformHealth();
  return (
    <PageShell>
      <View className="home-banner">
        <Text className="home-banner-title">统一电子印章平台</Text>
        <Text className="home-banner-text">电子印章申领、管理、签章与验章</Text>
      </View>
      <PlatformStatus view={view} onRetry={reload} />
    </PageShell>
  );
}
