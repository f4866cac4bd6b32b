import { Button, Text, View } from '@tarojs/components';
import { usePendingConfirmation } from './confirmation';
import './modal.css';

/** The 二次确认 of a destructive step: the question, its consequence, 取消 (first) and the confirming button. */
export function ConfirmDialog() {
  const request = usePendingConfirmation();
  if (!request) return null;
  return (
    <View className="modal-mask">
      <View className="modal" role="alertdialog" aria-modal="true" aria-labelledby="confirm-title" aria-describedby="confirm-text">
        <Text className="modal-title" id="confirm-title">
          {request.title}
        </Text>
        <Text className="modal-text" id="confirm-text">
          {request.consequence}
        </Text>
        <View className="modal-actions">
          <Button className="modal-secondary" onClick={() => request.answer(false)}>
            取消
          </Button>
          <Button className="modal-primary" onClick={() => request.answer(true)}>
            {request.confirmLabel}
          </Button>
        </View>
      </View>
    </View>
  );
}
