import { HELP_AND_FAQ } from '@seal/shared/content';
import { PageShell } from '../../../components/page-shell';
import { PublicDocumentView } from '../../../components/public-document';

// 帮助与常见问题: open to everyone.
export default function Page() {
  return (
    <PageShell hidePrivacyPrompt>
      <PublicDocumentView document={HELP_AND_FAQ} />
    </PageShell>
  );
}
