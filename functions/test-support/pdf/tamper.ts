import { PdfDocument } from '../../src/engines/pdf/syntax/document';
import { IncrementalUpdate } from '../../src/engines/pdf/sign/incremental-update';

/** Appends one incremental revision made by `change`, as an attacker (or an editor) would. */
export function appendRevision(pdf: Uint8Array, change: (doc: PdfDocument, update: IncrementalUpdate) => void): Uint8Array {
  const doc = PdfDocument.open(pdf);
  const update = new IncrementalUpdate(doc);
  change(doc, update);
  return new Uint8Array(Buffer.concat([pdf, update.write().bytes]));
}

/** Replaces `from` with `to` (same length) at its last occurrence. */
export function patchLast(pdf: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length) throw new Error('patch must keep the length');
  const buf = Buffer.from(pdf);
  const at = buf.lastIndexOf(from, undefined, 'latin1');
  if (at < 0) throw new Error(`${from} not found`);
  buf.write(to, at, 'latin1');
  return new Uint8Array(buf);
}
