import { Text, View } from '@tarojs/components';
import { Button } from './nutui';
import './forms.css';

/** The loading line every page shows while it waits for the API. */
export function Loading({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className="card feedback is-loading" aria-live="polite">
      <Text className="text-muted">{text}</Text>
    </View>
  );
}

/** An error in Chinese (the API's own message) with a retry when there is something to retry. */
export function ErrorBlock({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="card feedback" role="alert">
      <Text className="error-text">{message}</Text>
      {onRetry && (
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      )}
    </View>
  );
}

/** An inline refusal under a form, from the API or the device. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <View className="form-error" role="alert">
      <Text>{message}</Text>
    </View>
  );
}

export function EmptyNote({ text }: { text: string }) {
  return (
    <View className="card feedback">
      <Text className="text-muted">{text}</Text>
    </View>
  );
}
