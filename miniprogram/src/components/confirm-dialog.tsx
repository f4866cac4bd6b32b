import { Button, Text, View } from '@tarojs/components';
import { usePendingConfirmation } from './confirmation';
import './confirm-dialog.css';

/** The 二次确认 of a destructive step: the question, its consequence, 取消 (first) and the confirming button. */
export function ConfirmDialog() {
  const request = usePendingConfirmation();
  if (!request) return null;
  return (
    <View className="confirm-mask">
      <View className="confirm-dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text">
        <Text className="confirm-title" id="confirm-title">
          {request.title}
        </Text>
        <Text className="confirm-text" id="confirm-text">
          {request.consequence}
        </Text>
        <View className="confirm-actions">
          <Button className="confirm-cancel" onClick={() => request.answer(false)}>
            取消
          </Button>
          <Button className="confirm-ok" onClick={() => request.answer(true)}>
            {request.confirmLabel}
          </Button>
        </View>
      </View>
    </View>
  );
}
