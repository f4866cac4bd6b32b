import type { PdfDocument } from '../syntax/document';
import { PdfDict, PdfRef, PdfString, type PdfValue } from '../syntax/objects';

export interface FoundSignature {
  fieldName: string;
  /** The signature dictionary's object (null when it is a direct dictionary inside the field). */
  sigRef: PdfRef | null;
  sig: PdfDict;
}

const MAX_FIELDS = 10_000;

/**
 * Signature fields of the final revision, from the AcroForm field tree (as viewers show
 * them). One entry per signature dictionary, however many widgets show it.
 */
export function findSignatures(doc: PdfDocument): FoundSignature[] {
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'));
  const fields = doc.resolve(form?.get('Fields'));
  const out: FoundSignature[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  let budget = MAX_FIELDS;
  const walk = (value: PdfValue, parentName: string, inheritedFt: string | undefined, depth: number): void => {
    if (depth > 32 || --budget < 0) return;
    if (value instanceof PdfRef) {
      if (visited.has(value.key)) return;
      visited.add(value.key);
    }
    const field = doc.dict(value);
    if (!field) return;
    const t = field.get('T');
    const partial = t instanceof PdfString ? t.text() : '';
    const name = parentName && partial ? `${parentName}.${partial}` : partial || parentName;
    const ft = field.name('FT') ?? inheritedFt;
    const v = field.get('V');
    if (ft === 'Sig' && v !== undefined && v !== null) {
      const sig = doc.dict(v);
      const key = v instanceof PdfRef ? v.key : `direct:${name}`;
      if (sig && !seen.has(key)) {
        seen.add(key);
        out.push({ fieldName: name || '(未命名)', sigRef: v instanceof PdfRef ? v : null, sig });
      } else if (!sig && !seen.has(key)) {
        seen.add(key);
        out.push({ fieldName: name || '(未命名)', sigRef: v instanceof PdfRef ? v : null, sig: new PdfDict() });
      }
    }
    const kids = doc.resolve(field.get('Kids'));
    if (Array.isArray(kids)) for (const k of kids) walk(k, name, ft, depth + 1);
  };
  if (Array.isArray(fields)) for (const f of fields) walk(f, '', undefined, 0);
  return out;
}
