import { Text, View } from '@tarojs/components';
import { openPage } from '../platform';
import { Button } from './nutui';
import './forms.css';

export const LOGIN_PAGE = '/packages/auth/login/index';

/** Shown instead of a page's content when nobody is logged in. */
export function LoginRequired({ note = '登录后即可办理电子印章业务' }: { note?: string }) {
  return (
    <View className="card feedback">
      <Text className="card-title">请先登录</Text>
      <Text className="text-muted">{note}</Text>
      <Button type="primary" onClick={() => void openPage(LOGIN_PAGE)}>
        登录
      </Button>
    </View>
  );
}
