import { HELP_AND_FAQ, PRIVACY_GUIDE, UKEY_CLIENT_GUIDE, USER_AGREEMENT, type PublicDocument } from '@seal/shared/content';

const DOCUMENTS: Record<string, PublicDocument> = {
  '/privacy': PRIVACY_GUIDE,
  '/agreement': USER_AGREEMENT,
  '/help': HELP_AND_FAQ,
  '/ukey-client': UKEY_CLIENT_GUIDE,
};

export const DOCUMENT_PATHS = Object.keys(DOCUMENTS);

/** 隐私保护指引, 用户服务协议, 帮助与常见问题: the same text as the mini-program's pages. */
export function DocumentPage({ path }: { path: string }) {
  const document = DOCUMENTS[path] ?? HELP_AND_FAQ;
  return (
    <article className="document" data-testid="public-document">
      <h2>{document.title}</h2>
      <p className="muted">{document.meta}</p>
      {document.sections.map((section) => (
        <section key={section.heading} className="card">
          <h3>{section.heading}</h3>
          {section.paragraphs.map((p) => (
            <p key={p}>{p}</p>
          ))}
        </section>
      ))}
    </article>
  );
}
