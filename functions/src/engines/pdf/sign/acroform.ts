import { unreadable } from '../errors';
import type { PdfDocument } from '../syntax/document';
import { name, PdfDict, PdfRef, PdfString, type PdfValue } from '../syntax/objects';
import type { IncrementalUpdate } from './incremental-update';

interface Args {
  doc: PdfDocument;
  update: IncrementalUpdate;
  fieldRef: PdfRef;
  sigRef: PdfRef;
  widgets: PdfRef[];
}

/** Writes the signature field and registers it in the AcroForm (creating the form if needed). */
export function addSignatureField(a: Args): void {
  const catalogRef = a.doc.trailer.get('Root');
  const catalog = a.doc.dict(catalogRef);
  if (!(catalogRef instanceof PdfRef) || !catalog) throw unreadable('no catalog');
  const formValue = catalog.get('AcroForm');
  const form = a.doc.dict(formValue) ?? new PdfDict();
  const fieldsValue = form.get('Fields');
  const fields = (a.doc.resolve(fieldsValue) as PdfValue[] | undefined) ?? [];
  // The field may already hold its one widget's keys (merged field/widget); add the field keys.
  const merged = a.update.get(a.fieldRef);
  const field = (merged instanceof PdfDict ? merged.clone() : new PdfDict()).set('FT', name('Sig')).set('T', PdfString.of(uniqueName(a.doc, Array.isArray(fields) ? fields : []))).set('V', a.sigRef);
  if (a.widgets.length) field.set('Kids', a.widgets);
  field.map.delete('Parent');
  a.update.set(a.fieldRef, field);

  const newFields = [...(Array.isArray(fields) ? fields : []), a.fieldRef];
  let newForm = form.clone().set('SigFlags', 3);
  if (fieldsValue instanceof PdfRef) a.update.set(fieldsValue, newFields);
  else newForm = newForm.set('Fields', newFields);
  if (formValue instanceof PdfRef) a.update.set(formValue, newForm);
  else a.update.set(catalogRef, catalog.clone().set('AcroForm', newForm));
}

function uniqueName(doc: PdfDocument, fields: PdfValue[]): string {
  const taken = new Set(fields.map((f) => doc.dict(f)?.get('T')).map((t) => (t instanceof PdfString ? t.text() : '')));
  let i = fields.length + 1;
  while (taken.has(`Seal${i}`)) i++;
  return `Seal${i}`;
}
