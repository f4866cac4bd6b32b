import type { PdfDocument } from '../syntax/document';
import { PdfDict, PdfRef } from '../syntax/objects';
import type { CertificationLevel } from './report';

export interface Certification {
  level: CertificationLevel;
  /** The certification signature's dictionary. */
  sigRef: PdfRef;
  /** The /P written was not 1, 2 or 3: read as 1, the strictest. */
  levelInvalid: boolean;
}

/**
 * The document's certification (ISO 32000-2 §12.8.2.2): the catalog's /Perms /DocMDP names a
 * signature dictionary whose /Reference holds a DocMDP transform; /P in its parameters says what
 * may change later (default 2). Read at `revision` (the newest by default): the sign side asks
 * before it adds a signature (P=1 allows none); the verifier asks at each signature's revision, so a
 * /Perms added after signing certifies nothing.
 */
export function readCertification(doc: PdfDocument, revision = doc.revisions.length - 1): Certification | null {
  const catalog = doc.dict(doc.revisions[revision]!.trailer.get('Root'), revision);
  const docMdp = doc.dict(catalog?.get('Perms'), revision)?.get('DocMDP');
  if (!(docMdp instanceof PdfRef)) return null;
  const sig = doc.dict(docMdp, revision);
  if (!sig) return null;
  const references = doc.resolve(sig.get('Reference'), revision);
  if (!Array.isArray(references)) return null;
  for (const r of references.slice(0, 16)) {
    const ref = doc.dict(r, revision);
    if (ref?.name('TransformMethod') !== 'DocMDP') continue;
    const params = doc.dict(ref.get('TransformParams'), revision) ?? new PdfDict();
    const p = doc.resolve(params.get('P'), revision) ?? 2;
    const valid = p === 1 || p === 2 || p === 3;
    return { level: valid ? p : 1, sigRef: docMdp, levelInvalid: !valid };
  }
  return null;
}
