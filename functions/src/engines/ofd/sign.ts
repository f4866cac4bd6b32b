import { OID_SM2_WITH_SM3, OID_SM3, sm2PublicKeyFromSpki, sm3, verifySm2, DEFAULT_SM2_DISTINGUISHING_ID, type Sm2Signer } from '../gm';
import { assembleSesSignature, certificateFacts, readSeal, SesError, tbsSignDer } from '../ses';
import { DEFAULT_LIMITS, readContainer, writeContainer, type ContainerLimits, type OfdFiles } from './container';
import { OFD_ENTRY, pageBox, readDocuments, type Box, type OfdDocument } from './document';
import { OfdError } from './errors';
import { absoluteLoc } from './paths';
import { readSignatureDescription, readSignatureList } from './signature-files';
import { signatureEntry, signaturesXml, signatureXml, type StampAnnotXml } from './sign-xml';

/** A stamp on one page: 1-based page number, boundary in millimetres from the page's top-left. */
export interface OfdStampPlacement {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A 骑缝章: one seal image cut into equal slices, one per page, along the pages' right edges. */
export interface OfdCrossPageStamp {
  /** Distance of the seal's top edge from the page top, in millimetres. */
  y: number;
  width: number;
  height: number;
}

export interface PrepareOfdSignatureInput {
  /** The package, or its files as `readContainer` returned them (taken over: the new signature is added to them). */
  ofd: Uint8Array | OfdFiles;
  /** The seal (SES_Seal DER) being applied; copied byte for byte into TBS_Sign and Seal.esl. */
  seal: Uint8Array;
  /** The signer's certificate (DER); the seal must list it. */
  signerCertificate: Uint8Array;
  signingTime: Date;
  stamps: OfdStampPlacement[];
  crossPage?: OfdCrossPageStamp;
  provider?: { name: string; company?: string; version?: string };
  limits?: ContainerLimits;
}

/** What `prepareOfdSignature` leaves for `completeOfdSignature`: plain data, so it can wait for a token or a phone. */
export interface PendingOfdSignature {
  /** The new package without SignedValue.dat (zip). */
  pending: Uint8Array;
  /** Where SignedValue.dat goes. */
  signedValuePath: string;
  /** DER TBS_Sign: the bytes the signer signs with SM2 (e = SM3(Z ‖ TBS_Sign)). */
  toBeSigned: Uint8Array;
  signerCertificate: Uint8Array;
}

const DOC = 0; // the platform signs the first document of a package

/**
 * Phase one of signing (GB/T 33190 §18): adds Sign_N/ with Seal.esl and Signature.xml (a SM3
 * check value for every file in the package except the signature list, which later signatures
 * must be able to extend), lists the signature in Signatures.xml (naming that in OFD.xml the
 * first time), and returns TBS_Sign for the signer. Earlier signatures stay valid: their
 * protected files are not touched.
 */
export function prepareOfdSignature(input: PrepareOfdSignatureInput): PendingOfdSignature {
  const files = input.ofd instanceof Map ? input.ofd : readContainer(input.ofd, input.limits ?? DEFAULT_LIMITS);
  const document = readDocuments(files)[DOC]!;
  checkSignable(input, files, document);

  const signsDir = document.signaturesPath ? document.signaturesPath.slice(0, document.signaturesPath.lastIndexOf('/') + 1) : `${document.documentPath.slice(0, document.documentPath.lastIndexOf('/') + 1)}Signs/`;
  const signaturesPath = document.signaturesPath ?? `${signsDir}Signatures.xml`;
  let index = 0;
  while ([...files.keys()].some((path) => path.startsWith(`${signsDir}Sign_${index}/`))) index++;
  const signDir = `${signsDir}Sign_${index}/`;
  const paths = { signature: `${signDir}Signature.xml`, signedValue: `${signDir}SignedValue.dat`, seal: `${signDir}Seal.esl` };

  const ids = new IdSequence(files, signaturesPath);
  const signatureId = ids.next();
  const stamps = stampAnnotations(input, files, document, ids);

  if (!document.signaturesPath) files.set(OFD_ENTRY, withSignaturesEntry(files.get(OFD_ENTRY)!, absoluteLoc(signaturesPath)));
  files.set(paths.seal, input.seal);
  const protectedPaths = [...files.keys()].filter((path) => path !== signaturesPath).sort();
  const description = signatureXml({
    provider: input.provider ?? { name: 'seal-platform' },
    signatureMethod: OID_SM2_WITH_SM3,
    signatureDateTime: beijingDateTime(input.signingTime),
    checkMethod: OID_SM3,
    references: protectedPaths.map((path) => ({ loc: absoluteLoc(path), checkValue: sm3(files.get(path)!) })),
    stamps,
    sealLoc: absoluteLoc(paths.seal),
    signedValueLoc: absoluteLoc(paths.signedValue),
  });
  const descriptionBytes = new TextEncoder().encode(description);
  files.set(paths.signature, descriptionBytes);
  files.set(signaturesPath, updatedSignatureList(files.get(signaturesPath), ids.max(), { id: signatureId, loc: absoluteLoc(paths.signature) }));

  const toBeSigned = tbsSignDer({ seal: input.seal, signingTime: input.signingTime, dataHash: sm3(descriptionBytes), propertyInfo: absoluteLoc(paths.signature) });
  return { pending: writeContainer(files), signedValuePath: paths.signedValue, toBeSigned, signerCertificate: input.signerCertificate };
}

/**
 * Phase two: wraps the signer's SM2 signature over TBS_Sign into SES_Signature and writes
 * SignedValue.dat, with GB/T 38540's optional timestamp over the signature value when `timestamp`
 * gives one. The signature is checked against the signer's certificate first, so a wrong key or a
 * wrong distinguishing ID never reaches a document (nor a timestamp authority).
 */
export async function completeOfdSignature(
  prepared: PendingOfdSignature,
  result: { signature: Uint8Array; distinguishingId?: string; timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array> },
): Promise<Uint8Array> {
  const facts = certificateFacts(prepared.signerCertificate);
  if (!facts) throw new OfdError('OFD_BAD_INPUT', 'the signer certificate is not an X.509 certificate');
  const publicKey = sm2PublicKeyFromSpki(facts.spki);
  if (!verifySm2(publicKey, prepared.toBeSigned, result.signature, result.distinguishingId ?? DEFAULT_SM2_DISTINGUISHING_ID)) {
    throw new OfdError('OFD_SIGNATURE_VALUE_INVALID', 'the signature does not verify with the signer certificate over TBS_Sign');
  }
  const timeStamp = result.timestamp ? await result.timestamp(result.signature) : undefined;
  const files = readContainer(prepared.pending);
  const signedValue = assembleSesSignature({ toBeSigned: prepared.toBeSigned, signerCertificate: prepared.signerCertificate, signature: result.signature, ...(timeStamp ? { timeStamp } : {}) });
  files.set(prepared.signedValuePath, signedValue);
  return writeContainer(files);
}

/** Both phases with a signer at hand (an in-memory key, KMS). */
export async function signOfd(input: PrepareOfdSignatureInput, signer: Sm2Signer, timestamp?: (signatureValue: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const prepared = prepareOfdSignature(input);
  return completeOfdSignature(prepared, { signature: await signer.sign(prepared.toBeSigned), distinguishingId: signer.distinguishingId, ...(timestamp ? { timestamp } : {}) });
}

function checkSignable(input: PrepareOfdSignatureInput, files: OfdFiles, document: OfdDocument): void {
  let seal;
  try {
    seal = readSeal(input.seal);
  } catch (cause) {
    if (cause instanceof SesError) throw new OfdError('OFD_SEAL_MISMATCH', 'the seal is not an SES_Seal', { cause });
    throw cause;
  }
  if (!seal.signerCertificates.some((c) => Buffer.compare(c, input.signerCertificate) === 0)) {
    throw new OfdError('OFD_SEAL_MISMATCH', 'the seal does not list the signer certificate');
  }
  if (input.stamps.length === 0 && !input.crossPage) throw new OfdError('OFD_BAD_INPUT', 'no stamp placement');
  for (const stamp of input.stamps) {
    if (!Number.isInteger(stamp.page) || stamp.page < 1 || stamp.page > document.pages.length) throw new OfdError('OFD_PAGE_NOT_FOUND', `page ${stamp.page} of ${document.pages.length}`);
    if (![stamp.x, stamp.y, stamp.width, stamp.height].every(Number.isFinite) || stamp.width <= 0 || stamp.height <= 0) throw new OfdError('OFD_BAD_INPUT', 'a stamp needs a finite position and a positive size');
  }
  // A signature that protects the signature list (whole-document protection) would break when another is added.
  if (document.signaturesPath && files.has(document.signaturesPath)) {
    for (const entry of readSignatureList(files, document.signaturesPath).entries) {
      if (files.has(entry.path) && readSignatureDescription(files, entry.path).references.some((r) => r.path === document.signaturesPath)) {
        throw new OfdError('OFD_SIGNATURES_PROTECTED', `signature ${entry.id} protects the signature list: no further signature can be added without breaking it`);
      }
    }
  }
}

function stampAnnotations(input: PrepareOfdSignatureInput, files: OfdFiles, document: OfdDocument, ids: IdSequence): StampAnnotXml[] {
  const stamps: StampAnnotXml[] = input.stamps.map((stamp) => ({
    id: ids.next(),
    pageRef: document.pages[stamp.page - 1]!.id,
    boundary: [stamp.x, stamp.y, stamp.width, stamp.height],
  }));
  const cross = input.crossPage;
  if (cross) {
    const count = document.pages.length;
    const slice = cross.width / count;
    document.pages.forEach((page, i) => {
      const [, , pageWidth] = pageBox(files, document, page);
      // Page i shows the i-th slice at its right edge: the whole image is placed so that slice i ends at the edge.
      const boundary: Box = [pageWidth - slice * (i + 1), cross.y, cross.width, cross.height];
      stamps.push({ id: ids.next(), pageRef: page.id, boundary, clip: [slice * i, 0, slice, cross.height] });
    });
  }
  return stamps;
}

/**
 * IDs for signatures and stamp annotations: MaxSignId is the largest used (GB/T 33190 §18.1);
 * new ones continue after the largest number found in it or in any existing ID, as "s001"…
 */
class IdSequence {
  private last = 0;
  constructor(files: OfdFiles, signaturesPath: string) {
    if (!files.has(signaturesPath)) return;
    const list = readSignatureList(files, signaturesPath);
    const seen = [list.maxSignId, ...list.entries.map((e) => e.id)];
    for (const entry of list.entries) if (files.has(entry.path)) seen.push(...readSignatureDescription(files, entry.path).stamps.map((s) => s.id));
    for (const id of seen) {
      const digits = /(\d+)\s*$/.exec(id);
      if (digits) this.last = Math.max(this.last, Number(digits[1]));
    }
  }
  next(): string {
    this.last += 1;
    return `s${String(this.last).padStart(3, '0')}`;
  }
  max(): string {
    return `s${String(this.last).padStart(3, '0')}`;
  }
}

/** Adds the new entry to Signatures.xml (or makes it) and sets MaxSignId, leaving the rest as it was. */
function updatedSignatureList(existing: Uint8Array | undefined, maxSignId: string, entry: { id: string; loc: string }): Uint8Array {
  if (!existing) return new TextEncoder().encode(signaturesXml(maxSignId, entry));
  let xml = new TextDecoder().decode(existing);
  const close = /<\/(\w+:)?Signatures>\s*$/.exec(xml);
  if (!close) throw new OfdError('OFD_BAD_XML', 'Signatures.xml has no closing Signatures element');
  const prefix = close[1] ?? '';
  const entryXml = signatureEntry(entry).replace(/ofd:/g, prefix);
  xml = xml.slice(0, close.index) + entryXml + xml.slice(close.index);
  const max = new RegExp(`<${prefix}MaxSignId>[^<]*</${prefix}MaxSignId>`);
  xml = max.test(xml) ? xml.replace(max, `<${prefix}MaxSignId>${maxSignId}</${prefix}MaxSignId>`) : xml;
  return new TextEncoder().encode(xml);
}

/** Names the signature list in the first DocBody of OFD.xml, with the prefix OFD.xml uses. */
function withSignaturesEntry(ofdXml: Uint8Array, loc: string): Uint8Array {
  const xml = new TextDecoder().decode(ofdXml);
  const close = /<\/(\w+:)?DocBody>/.exec(xml);
  if (!close) throw new OfdError('OFD_BAD_XML', 'OFD.xml has no closing DocBody element');
  const prefix = close[1] ?? '';
  return new TextEncoder().encode(`${xml.slice(0, close.index)}<${prefix}Signatures>${loc}</${prefix}Signatures>${xml.slice(close.index)}`);
}

/** "YYYY-MM-DD HH:mm:ss" in Beijing time, the form Chinese OFD readers show (ofdrw writes the same). */
function beijingDateTime(date: Date): string {
  const beijing = new Date(date.getTime() + 8 * 3600_000);
  return beijing.toISOString().slice(0, 19).replace('T', ' ');
}
