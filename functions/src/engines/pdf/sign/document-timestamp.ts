import { createHash } from 'node:crypto';
import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { dict, name } from '../syntax/objects';
import { addSignatureField } from './acroform';
import { IncrementalUpdate } from './incremental-update';
import { findPages } from './page-tree';
import { appendAnnots } from './place-widgets';
import { CONTENTS_BYTES, fillByteRange, fillContents, locatePlaceholder, placeholderEntries } from './signature-placeholder';

/**
 * PAdES B-LTA: a document timestamp (ISO 32000-2 §12.8.5; /Type /DocTimeStamp, /SubFilter
 * ETSI.RFC3161) over the whole document as it stands, DSS included, in an incremental update: an
 * invisible field on the first page whose /Contents is the RFC 3161 token itself. `timestamp` gets
 * the SHA-256 of the signed byte ranges and returns a TimeStampToken (DER).
 */
export async function addDocumentTimestamp(pdf: Uint8Array, timestamp: (imprint: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const doc = PdfDocument.open(pdf);
  const update = new IncrementalUpdate(doc);
  const sigRef = update.add(
    dict({
      Type: name('DocTimeStamp'),
      Filter: name('Adobe.PPKLite'),
      SubFilter: name('ETSI.RFC3161'),
      ...placeholderEntries(),
    }),
  );
  const page = findPages(doc, [0]).get(0)!;
  const fieldRef = update.allocate();
  // The widget is the field (merged), zero-sized and hidden from print and view (F 132: Print + Locked).
  update.set(fieldRef, dict({ Type: name('Annot'), Subtype: name('Widget'), Rect: [0, 0, 0, 0], F: 132, P: page.ref }));
  appendAnnots(doc, update, page, [fieldRef]);
  addSignatureField({ doc, update, fieldRef, sigRef, widgets: [] });

  const { bytes: tail, offsets } = update.write();
  const out = Buffer.concat([pdf, tail]);
  const placeholder = locatePlaceholder(out, offsets.get(sigRef.num)!);
  const [, a, b] = fillByteRange(out, placeholder);
  const imprint = createHash('sha256').update(out.subarray(0, a)).update(out.subarray(b)).digest();
  const token = await timestamp(new Uint8Array(imprint));
  if (token.length > CONTENTS_BYTES) throw new PdfInputError('PDF_SIGNATURE_TOO_LARGE');
  fillContents(out, placeholder, token);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
