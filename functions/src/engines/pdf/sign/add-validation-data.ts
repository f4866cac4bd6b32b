import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PdfInputError, unreadable } from '../errors';
import { decodeStream } from '../syntax/filters';
import { PdfDocument } from '../syntax/document';
import { dict, name, PdfDict, PdfRef, PdfStream, PdfString, type PdfValue } from '../syntax/objects';
import { findSignatures } from '../verify/find-signatures';
import { IncrementalUpdate } from './incremental-update';

/** DER certificates, CRLs and OCSP responses that validate a signature (ETSI EN 319 142-1 §5.4.2). */
export interface ValidationData {
  certificates: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

/** The DSS arrays and the VRI key each kind is listed under. */
const KINDS = [
  { dss: 'Certs', vri: 'Cert', of: (d: ValidationData) => d.certificates },
  { dss: 'CRLs', vri: 'CRL', of: (d: ValidationData) => d.crls },
  { dss: 'OCSPs', vri: 'OCSP', of: (d: ValidationData) => d.ocsps },
] as const;

/**
 * PAdES B-LT: a Document Security Store (/DSS in the catalog) holding the validation data of the
 * document's newest signature, with a /VRI entry for it (key: SHA-1 of its /Contents, upper-case hex),
 * in an incremental update of its own after the signature, so the signature's bytes are untouched.
 * A DSS already there keeps its entries; data already in it (same bytes) is referred to, not added
 * again. Each item is a Flate stream.
 */
export function addValidationData(pdf: Uint8Array, data: ValidationData): Uint8Array {
  const doc = PdfDocument.open(pdf);
  const newest = newestSignature(doc);
  if (!newest) throw new PdfInputError('PDF_NOT_SIGNED');
  const update = new IncrementalUpdate(doc);
  const catalogRef = doc.trailer.get('Root');
  const catalog = doc.dict(catalogRef);
  if (!(catalogRef instanceof PdfRef) || !catalog) throw unreadable('no catalog');

  const existing = doc.dict(catalog.get('DSS'));
  const dss = existing?.clone() ?? dict({ Type: name('DSS') });
  const vri = new PdfDict();
  for (const kind of KINDS) {
    const listed = arrayOf(doc, dss.get(kind.dss));
    const known = new Map<string, PdfRef>();
    for (const ref of listed) if (ref instanceof PdfRef) known.set(digestOfStream(doc, ref), ref);
    const refs: PdfRef[] = [];
    for (const der of kind.of(data)) {
      const key = createHash('sha256').update(der).digest('hex');
      let ref = known.get(key);
      if (!ref) {
        ref = update.add(new PdfStream(dict({ Filter: name('FlateDecode') }), deflateSync(der)));
        known.set(key, ref);
        listed.push(ref);
      }
      if (!refs.includes(ref)) refs.push(ref);
    }
    if (listed.length) dss.set(kind.dss, listed);
    if (refs.length) vri.set(kind.vri, refs);
  }
  const vris = doc.dict(dss.get('VRI'))?.clone() ?? new PdfDict();
  vris.set(vriKey(newest), vri.set('Type', name('VRI')));
  dss.set('VRI', vris);

  const dssValue = catalog.get('DSS');
  if (dssValue instanceof PdfRef) update.set(dssValue, dss);
  else update.set(catalogRef, catalog.clone().set('DSS', update.add(dss)));
  const { bytes } = update.write();
  const out = Buffer.concat([pdf, bytes]);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** The /Contents of the signature whose ByteRange reaches furthest: the one made last. */
function newestSignature(doc: PdfDocument): PdfString | undefined {
  let best: { reach: number; contents: PdfString } | undefined;
  for (const found of findSignatures(doc)) {
    const contents = found.sig.get('Contents');
    const range = doc.resolve(found.sig.get('ByteRange'));
    if (!(contents instanceof PdfString) || !Array.isArray(range) || range.length !== 4) continue;
    const [, , start, length] = range;
    if (typeof start !== 'number' || typeof length !== 'number') continue;
    if (!best || start + length > best.reach) best = { reach: start + length, contents };
  }
  return best?.contents;
}

/** ISO 32000-2 §12.8.4.4: the VRI key is the SHA-1 of the signature's /Contents bytes, upper-case hex. */
export function vriKey(contents: PdfString): string {
  return createHash('sha1').update(contents.bytes).digest('hex').toUpperCase();
}

function arrayOf(doc: PdfDocument, value: PdfValue | undefined): PdfValue[] {
  const resolved = doc.resolve(value);
  return Array.isArray(resolved) ? [...resolved] : [];
}

/** SHA-256 of a DSS stream's decoded bytes, to spot data already stored. */
function digestOfStream(doc: PdfDocument, ref: PdfRef): string {
  const stream = doc.resolve(ref);
  if (!(stream instanceof PdfStream)) return '';
  try {
    return createHash('sha256').update(decodeStream(stream)).digest('hex');
  } catch {
    return ''; // a filter the platform does not write: kept, never matched
  }
}
