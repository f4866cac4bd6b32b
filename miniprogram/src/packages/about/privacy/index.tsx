import { PRIVACY_GUIDE } from '@seal/shared/content';
import { PageShell } from '../../../components/page-shell';
import { PublicDocumentView } from '../../../components/public-document';

// The full 《隐私保护指引》 (the prompt before the first collection shows its summary and links here).
export default function Page() {
  return (
    <PageShell hidePrivacyPrompt>
      <PublicDocumentView document={PRIVACY_GUIDE} />
    </PageShell>
  );
}
