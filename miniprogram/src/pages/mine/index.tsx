import { Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { FontSizeSetting } from './font-size-setting';
import './index.css';

// Placeholder: login, my companies and my authorizations arrive with the mini-program issue.
export default function MinePage() {
  return (
    <PageShell>
      <Text className="page-title">我的</Text>
      <Text className="page-note">登录、我的企业与授权信息即将开放。</Text>
      <FontSizeSetting />
    </PageShell>
  );
}
