import type { PdfDocument } from '../syntax/document';
import { PdfDict, PdfRef, PdfString, type PdfValue } from '../syntax/objects';

export interface FoundSignature {
  fieldName: string;
  /** The signature field (null when it is a direct dictionary in the field list). */
  fieldRef: PdfRef | null;
  /** The signature dictionary's object (null when it is a direct dictionary inside the field). */
  sigRef: PdfRef | null;
  sig: PdfDict;
  /** Another field already has this signature dictionary as its value (a reused /V). */
  shared: boolean;
}

const MAX_FIELDS = 10_000;
const MAX_DEPTH = 32;

/**
 * Signature fields of the final revision with a value, from the AcroForm field tree (as viewers
 * show them). One entry per field; the kids of a field without a /T of their own are its widgets,
 * not fields (a 骑缝章 has one field and a widget per page, each widget repeating /V for poppler).
 * A second field whose /V is a signature dictionary already listed is reported as shared: it is
 * not a signature of its own (an overlay that borrows a real signature's value).
 */
export function findSignatures(doc: PdfDocument): FoundSignature[] {
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'));
  const fields = doc.resolve(form?.get('Fields'));
  const out: FoundSignature[] = [];
  const seen = new Set<string>();
  const visited = new Set<string>();
  let budget = MAX_FIELDS;
  const walk = (value: PdfValue, parentName: string, inheritedFt: string | undefined, depth: number, isField: boolean): void => {
    if (depth > MAX_DEPTH || --budget < 0) return;
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
    if (isField && ft === 'Sig' && v !== undefined && v !== null) {
      const sig = doc.dict(v);
      const key = v instanceof PdfRef ? v.key : `direct:${out.length}`;
      out.push({
        fieldName: name || '(未命名)',
        fieldRef: value instanceof PdfRef ? value : null,
        sigRef: v instanceof PdfRef ? v : null,
        sig: sig ?? new PdfDict(),
        shared: seen.has(key),
      });
      seen.add(key);
    }
    const kids = doc.resolve(field.get('Kids'));
    if (!Array.isArray(kids)) return;
    for (const k of kids) {
      // A kid with its own /T is a field; one without is a widget of this field.
      const kid = doc.dict(k);
      walk(k, name, ft, depth + 1, kid?.get('T') !== undefined);
    }
  };
  if (Array.isArray(fields)) for (const f of fields) walk(f, '', undefined, 0, true);
  return out;
}
