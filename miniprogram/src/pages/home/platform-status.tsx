import { Text, View } from '@tarojs/components';
import { listServices, type PlatformHealth } from '../../services/health';
import { Button, Cell, CellGroup, Tag } from '../../components/nutui';
import type { HealthView } from './use-platform-health';

function HealthReport({ health }: { health: PlatformHealth }) {
  const ok = health.status === 'ok';
  return (
    <View>
      <View className="health-summary">
        <Tag type={ok ? 'success' : 'warning'}>{ok ? '运行正常' : '部分服务异常'}</Tag>
        {!ok && <Text className="health-hint">部分业务可能暂时无法办理</Text>}
      </View>
      <CellGroup>
        {listServices(health).map((service) => (
          <Cell
            key={service.key}
            title={service.label}
            extra={<Text className={service.up ? 'service-up' : 'service-down'}>{service.up ? '正常' : '不可用'}</Text>}
          />
        ))}
      </CellGroup>
    </View>
  );
}

/** The platform's health: loading, the report, or an error with a retry. */
export function PlatformStatus({ view, onRetry }: { view: HealthView; onRetry: () => void }) {
  return (
    <View className="card status-card" aria-live="polite">
      <Text className="card-title">平台运行状态</Text>
      {view.state === 'loading' && <Text className="text-muted">正在获取平台状态…</Text>}
      {view.state === 'loaded' && <HealthReport health={view.health} />}
      {view.state === 'failed' && (
        <View className="health-error">
          <Text className="health-error-text">{view.message}</Text>
          <Button type="primary" size="small" onClick={onRetry}>
            重新获取
          </Button>
        </View>
      )}
    </View>
  );
}
