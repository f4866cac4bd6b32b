import type { SealDrawing } from '../../appearance/drawing';
import type { PreparedSignedData } from '../../pki/signed-data';
import type { Hash } from 'node:crypto';
import { SHA256, signatureAlgorithm } from '../../pki/algorithms';
import type { SignatureAlgorithmId, Signer } from '../trust/pki';
import { completeCadesSignature, PDF_SIGNATURE_FORMS, prepareCadesSignature, signatureFits } from '../cms/build-signed-data';
import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { dict, name, pdfDate, PdfString, type PdfRef } from '../syntax/objects';
import { addSignatureField } from './acroform';
import { checkCertification, docMdpReference, namePermsDocMdp } from './certification';
import type { CertificationLevel } from '../verify/report';
import { IncrementalUpdate } from './incremental-update';
import { findPages, pageCount } from './page-tree';
import { placeWidgets } from './place-widgets';
import type { SealPlacement } from './placement';

export type { SealPlacement };
import { CONTENTS_BYTES, fillByteRange, fillContents, locatePlaceholder, placeholderEntries } from './signature-placeholder';


/** What a signature looks like and who makes it: everything but the private key. */
export interface PdfSignatureRequest {
  pdf: Uint8Array;
  /**
   * A running SHA-256 of all of `pdf`, when the caller hashed it as it arrived: a SHA-256 signature
   * continues it over the update instead of hashing the document again (it is copied, not consumed).
   */
  pdfSha256?: Hash;
  /** The algorithm of the signer's key. */
  algorithm: SignatureAlgorithmId;
  /** DER, signer first, then up to the root. */
  certificateChain: Uint8Array[];
  placements: SealPlacement[];
  appearance: SealDrawing;
  signingTime: Date;
  reason?: string;
  location?: string;
  /** Also (or only) show the seal split across the right edge of every page (骑缝章). */
  crossPage?: boolean;
  /** Signer's display name in the signature dictionary. */
  signerName?: string;
  /**
   * Make this the document's certification signature (DocMDP) allowing later changes of `level`:
   * 1 none, 2 form filling and signatures, 3 also annotations. Only as the first signature.
   */
  certify?: { level: CertificationLevel };
}

/**
 * A signature waiting for its value: the document with the incremental update appended (signature
 * dictionary, seal widgets, ByteRange written, /Contents reserved as zeros), the CMS signed
 * attributes, and the digest the signer's key must sign. Plain data: it can be kept while a key on
 * the user's device signs (decision 0046).
 */
export interface PreparedPdfSignature {
  pdf: Uint8Array;
  /** Offsets of '<' and just past '>' of the reserved /Contents. */
  contents: { start: number; end: number };
  cms: PreparedSignedData;
  digestToSign: Uint8Array;
}

export interface SignPdfInput extends Omit<PdfSignatureRequest, 'algorithm'> {
  signer: Signer;
  /** RFC 3161 TimeStampToken (DER) over the given SHA-256 imprint of the signature value. */
  timestamp: (imprint: Uint8Array) => Promise<Uint8Array>;
}

/**
 * Phase one: the incremental update, with everything but the signature value. Earlier bytes, and
 * so earlier signatures, are untouched; only the pages that get a seal are read.
 */
export function preparePdfSignature(input: PdfSignatureRequest): PreparedPdfSignature {
  const doc = PdfDocument.open(input.pdf);
  if (input.placements.length === 0 && !input.crossPage) throw new PdfInputError('PDF_PAGE_NOT_FOUND', '未指定盖章位置');
  checkCertification(doc, input.certify);
  const update = new IncrementalUpdate(doc);
  const total = pageCount(doc);
  const indexes = input.crossPage ? [...Array(total).keys()] : [];
  indexes.push(...input.placements.map((p) => p.page - 1));
  const pages = findPages(doc, indexes);

  const sigRef = update.add(
    dict({
      Type: name('Sig'),
      Filter: name('Adobe.PPKLite'),
      SubFilter: name(PDF_SIGNATURE_FORMS[input.algorithm].subFilter),
      ...placeholderEntries(),
      M: pdfDate(input.signingTime),
      ...(input.reason ? { Reason: PdfString.of(input.reason) } : {}),
      ...(input.location ? { Location: PdfString.of(input.location) } : {}),
      ...(input.signerName ? { Name: PdfString.of(input.signerName) } : {}),
      ...(input.certify ? { Reference: docMdpReference(input.certify.level) } : {}),
    }),
  );
  const fieldRef: PdfRef = update.allocate();
  const widgets = placeWidgets({ sigRef, doc, update, pages, fieldRef, drawing: input.appearance, placements: input.placements, crossPage: !!input.crossPage, total });
  addSignatureField({ doc, update, fieldRef, sigRef, widgets });
  if (input.certify) namePermsDocMdp(doc, update, sigRef);

  const { bytes: tail, offsets } = update.write();
  const out = Buffer.concat([input.pdf, tail]);
  const placeholder = locatePlaceholder(out, offsets.get(sigRef.num)!);
  const [, a, b] = fillByteRange(out, placeholder);
  const contentDigest = byteRangeDigest(input, out, a, b);
  const cms = prepareCadesSignature({ algorithm: input.algorithm, contentDigest, certificateChain: input.certificateChain });
  return {
    pdf: new Uint8Array(out.buffer, out.byteOffset, out.length),
    contents: { start: placeholder.contentsStart, end: placeholder.contentsEnd },
    cms,
    digestToSign: cms.digestToSign,
  };
}

/**
 * The digest of the signed ranges [0, a) and [b, end). The first range starts with the whole input
 * (the update is appended after it), so a running hash of the input is continued from its end.
 */
function byteRangeDigest(input: PdfSignatureRequest, out: Uint8Array, a: number, b: number): Uint8Array {
  const { hash } = signatureAlgorithm(input.algorithm);
  if (!input.pdfSha256 || hash !== SHA256 || a < input.pdf.length) return hash.digest(out.subarray(0, a), out.subarray(b));
  return new Uint8Array(input.pdfSha256.copy().update(out.subarray(input.pdf.length, a)).update(out.subarray(b)).digest());
}

/**
 * Phase two: the signature value (checked against the signer certificate's key first, so a token
 * that signed something else never makes a broken document), then the RFC 3161 timestamp over it,
 * into the reserved /Contents. Fills `prepared.pdf` in place and returns it: a prepared signature
 * completes once.
 */
export async function completePdfSignature(
  prepared: PreparedPdfSignature,
  signature: Uint8Array,
  timestamp?: (imprint: Uint8Array) => Promise<Uint8Array>,
): Promise<Uint8Array> {
  if (!signatureFits(prepared.cms, signature)) throw new PdfInputError('PDF_SIGNATURE_VALUE_INVALID');
  const cms = await completeCadesSignature(prepared.cms, signature, timestamp);
  if (cms.length > CONTENTS_BYTES) throw new PdfInputError('PDF_SIGNATURE_TOO_LARGE');
  const out = Buffer.from(prepared.pdf.buffer, prepared.pdf.byteOffset, prepared.pdf.length);
  fillContents(out, { contentsStart: prepared.contents.start }, cms);
  return prepared.pdf;
}

/** Both phases with a key at hand (server-held keys): PAdES B-T in one incremental update. */
export async function signPdf(input: SignPdfInput): Promise<Uint8Array> {
  const { signer, timestamp, ...request } = input;
  const prepared = preparePdfSignature({ ...request, algorithm: signer.algorithm });
  return completePdfSignature(prepared, await signer.signDigest(prepared.digestToSign), timestamp);
}

/** Signs several documents with the same seal, one after another (each is its own update). */
export async function signPdfs(inputs: SignPdfInput[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const input of inputs) out.push(await signPdf(input));
  return out;
}
