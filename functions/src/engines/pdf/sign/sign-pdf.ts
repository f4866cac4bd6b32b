import { createHash } from 'node:crypto';
import type { SealDrawing } from '../../appearance/drawing';
import type { DigestSigner } from '../trust/pki';
import { buildCadesSignature } from '../cms/build-signed-data';
import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { dict, name, pdfDate, PdfString, type PdfRef } from '../syntax/objects';
import { addSignatureField } from './acroform';
import { IncrementalUpdate } from './incremental-update';
import { findPages, pageCount } from './page-tree';
import { placeWidgets } from './place-widgets';
import { CONTENTS_BYTES, fillByteRange, fillContents, locatePlaceholder } from './signature-placeholder';

/** Where a seal goes, in PDF user space (origin bottom-left); size defaults to the seal's own. */
export interface SealPlacement {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export interface SignPdfInput {
  pdf: Uint8Array;
  signer: DigestSigner;
  /** DER, signer first, then up to the root. */
  certificateChain: Uint8Array[];
  /** RFC 3161 TimeStampToken (DER) over the given SHA-256 imprint of the signature value. */
  timestamp: (imprint: Uint8Array) => Promise<Uint8Array>;
  placements: SealPlacement[];
  appearance: SealDrawing;
  signingTime: Date;
  reason?: string;
  location?: string;
  /** Also (or only) show the seal split across the right edge of every page (骑缝章). */
  crossPage?: boolean;
  /** Signer's display name in the signature dictionary. */
  signerName?: string;
}

/**
 * Signs a PDF as PAdES B-T in one incremental update: earlier bytes, and so earlier
 * signatures, are untouched. Only the pages that get a seal are read.
 */
export async function signPdf(input: SignPdfInput): Promise<Uint8Array> {
  const doc = PdfDocument.open(input.pdf);
  if (input.placements.length === 0 && !input.crossPage) throw new PdfInputError('PDF_PAGE_NOT_FOUND', '未指定盖章位置');
  const update = new IncrementalUpdate(doc);
  const total = pageCount(doc);
  const indexes = input.crossPage ? [...Array(total).keys()] : [];
  indexes.push(...input.placements.map((p) => p.page - 1));
  const pages = findPages(doc, indexes);

  const sigRef = update.add(
    dict({
      Type: name('Sig'),
      Filter: name('Adobe.PPKLite'),
      SubFilter: name('ETSI.CAdES.detached'),
      ByteRange: [0, 9999999999, 9999999999, 9999999999],
      Contents: new PdfString(new Uint8Array(CONTENTS_BYTES), true),
      M: pdfDate(input.signingTime),
      ...(input.reason ? { Reason: PdfString.of(input.reason) } : {}),
      ...(input.location ? { Location: PdfString.of(input.location) } : {}),
      ...(input.signerName ? { Name: PdfString.of(input.signerName) } : {}),
    }),
  );
  const fieldRef: PdfRef = update.allocate();
  const widgets = placeWidgets({ sigRef, doc, update, pages, fieldRef, drawing: input.appearance, placements: input.placements, crossPage: !!input.crossPage, total });
  addSignatureField({ doc, update, fieldRef, sigRef, widgets });

  const { bytes: tail, offsets } = update.write();
  const out = Buffer.concat([input.pdf, tail]);
  const placeholder = locatePlaceholder(out, offsets.get(sigRef.num)!);
  const [, a, b] = fillByteRange(out, placeholder);
  const digest = createHash('sha256').update(out.subarray(0, a)).update(out.subarray(b)).digest();
  const cms = await buildCadesSignature({ contentDigest: digest, signer: input.signer, certificateChain: input.certificateChain, timestamp: input.timestamp });
  if (cms.length > CONTENTS_BYTES) throw new PdfInputError('PDF_SIGNATURE_TOO_LARGE');
  fillContents(out, placeholder, cms);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

/** Signs several documents with the same seal, one after another (each is its own update). */
export async function signPdfs(inputs: SignPdfInput[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const input of inputs) out.push(await signPdf(input));
  return out;
}
