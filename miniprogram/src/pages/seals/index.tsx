import { Text } from '@tarojs/components';
import { PageShell } from '../../components/page-shell';
import { Cell, CellGroup } from '../../components/nutui';
import { openPage } from '../../platform';

// Placeholder: the seal-management screens (claim, freeze, authorize…) arrive with the
// mini-program issue; they live in the `packages/seal` subpackage.
export default function SealsPage() {
  return (
    <PageShell>
      <Text className="page-title">印章管理</Text>
      <Text className="page-note">印章申领、授权、冻结等功能即将开放。</Text>
      <CellGroup>
        <Cell title="我的印章" clickable onClick={() => void openPage('/packages/seal/list/index')} />
      </CellGroup>
    </PageShell>
  );
}
