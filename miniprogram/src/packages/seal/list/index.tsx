import { Text, View } from '@tarojs/components';
import { PageShell } from '../../../components/page-shell';

// First page of the seal subpackage; the list itself arrives with the mini-program issue.
export default function SealListPage() {
  return (
    <PageShell>
      <Text className="page-title">我的印章</Text>
      <View className="card">
        <Text className="text-muted">暂无印章</Text>
      </View>
    </PageShell>
  );
}
