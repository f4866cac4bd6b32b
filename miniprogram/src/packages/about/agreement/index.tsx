import { USER_AGREEMENT } from '@seal/shared/content';
import { PageShell } from '../../../components/page-shell';
import { PublicDocumentView } from '../../../components/public-document';

// 用户服务协议.
export default function Page() {
  return (
    <PageShell hidePrivacyPrompt>
      <PublicDocumentView document={USER_AGREEMENT} />
    </PageShell>
  );
}
