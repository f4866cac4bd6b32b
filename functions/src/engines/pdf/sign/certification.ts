import { PdfInputError, unreadable } from '../errors';
import type { PdfDocument } from '../syntax/document';
import { dict, name, PdfDict, PdfRef, type PdfValue } from '../syntax/objects';
import { readCertification } from '../verify/certification';
import { findSignatures } from '../verify/find-signatures';
import type { CertificationLevel } from '../verify/report';
import type { IncrementalUpdate } from './incremental-update';

/**
 * What a document's certification (DocMDP, ISO 32000-2 §12.8.2.2) lets the platform do, asked
 * before anything is written: a document certified with P=1 takes no further signature (it would
 * break the certification); certifying is for the first signature only, so a document that already
 * carries a signature, or a certification, is refused. A /P that is not 1–3 reads as 1 (decision 0060).
 */
export function checkCertification(doc: PdfDocument, certify: { level: CertificationLevel } | undefined): void {
  const certification = readCertification(doc);
  if (certification?.level === 1) throw new PdfInputError('PDF_CERTIFIED_NO_CHANGES');
  if (certify && (certification || findSignatures(doc).length > 0)) throw new PdfInputError('PDF_CERTIFICATION_NOT_FIRST');
}

/** The signature dictionary's /Reference of a certification signature with permissions `level`. */
export function docMdpReference(level: CertificationLevel): PdfValue[] {
  return [
    dict({
      Type: name('SigRef'),
      TransformMethod: name('DocMDP'),
      TransformParams: dict({ Type: name('TransformParams'), P: level, V: name('1.2') }),
    }),
  ];
}

/**
 * Names the signature as the document's certification in the catalog's /Perms, in the same update
 * as the signature (a /Perms added later certifies nothing). Other permissions (/UR3) are kept.
 */
export function namePermsDocMdp(doc: PdfDocument, update: IncrementalUpdate, sigRef: PdfRef): void {
  const catalogRef = doc.trailer.get('Root');
  if (!(catalogRef instanceof PdfRef)) throw unreadable('no catalog');
  // The catalog may already be in this update (an AcroForm written into it).
  const pending = update.get(catalogRef);
  const catalog = pending instanceof PdfDict ? pending : doc.dict(catalogRef);
  if (!catalog) throw unreadable('no catalog');
  const permsValue = catalog.get('Perms');
  const perms = (doc.dict(permsValue)?.clone() ?? new PdfDict()).set('DocMDP', sigRef);
  if (permsValue instanceof PdfRef) update.set(permsValue, perms);
  else update.set(catalogRef, catalog.clone().set('Perms', perms));
}
