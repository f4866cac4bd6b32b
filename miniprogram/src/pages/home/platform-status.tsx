import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nutui';
import type { HealthView } from './use-platform-health';

/**
 * The platform's health as the public needs it: nothing while it answers; a plain notice (no
 * database, storage or key-service names) when it does not, with a retry.
 */
export function PlatformStatus({ view, onRetry }: { view: HealthView; onRetry: () => void }) {
  const trouble = view.state === 'failed' ? view.message : null;
  if (!trouble) return null;
  return (
    <View className="card status-card" role="status">
      <Text className="health-error-text">{trouble}</Text>
      <Button type="primary" size="small" onClick={onRetry}>
        重新获取
      </Button>
    </View>
  );
}
