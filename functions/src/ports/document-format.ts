import type { Hash } from 'node:crypto';
import type { SealDrawing } from '../engines/appearance/drawing';
import type { SignatureAlgorithmId } from './signer';

/**
 * The DocumentFormat port (decision 0046): what the document use cases need of a file format, so
 * that they never call a format's engine. PDF (adapters/pdf-format/) and OFD
 * (GB/T 33190, adapters/ofd-format/) are its adapters. The format is chosen by the file's bytes, not by its name or
 * the type the uploader declared; bytes of no known format are refused with
 * DOCUMENT_FORMAT_UNSUPPORTED.
 *
 * It comes in three capabilities, so that each function carries only the engine code it uses
 * (decision 0022): reading (counts), signing (reading + the two phases), verifying.
 */
export type DocumentFormatId = 'pdf' | 'ofd';

/** A page's size in points (1/72 inch), as its media box says. */
export interface PageSize {
  width: number;
  height: number;
}

export interface DocumentDescription {
  format: DocumentFormatId;
  pages: number;
  /** Signatures in the file, including ones made elsewhere. */
  signatures: number;
  /** Every page's size, in page order; only when asked for (it reads every page). */
  pageSizes?: PageSize[];
  /**
   * The document's certification by its first signature (DocMDP /P: 1 no changes, 2 form filling
   * and signatures, 3 also annotations); absent when it is not certified.
   */
  certificationLevel?: CertificationLevel;
}

export type CertificationLevel = 1 | 2 | 3;

/** Where a seal goes: 1-based page, lower-left corner in points from the page's lower-left corner. */
export interface SealPlacement {
  page: number;
  x: number;
  y: number;
  width?: number;
  height?: number;
}

export interface SignatureRequest {
  placements: SealPlacement[];
  /** A running SHA-256 of all of the document's bytes, taken as they were read: a format may continue it rather than hash them again (decision 0166). */
  bytesSha256?: Hash;
  /** Also (or only) the seal split across the right edge of every page (骑缝章). */
  crossPage?: boolean;
  /** The seal as drawn from the platform's records. */
  appearance: SealDrawing;
  signer: {
    /** The algorithm of the key that will sign (it decides the digest to sign). */
    algorithm: SignatureAlgorithmId;
    /** DER, the signer's certificate first, then up to the root. */
    certificateChain: Uint8Array[];
    /** The name shown as the signer's. */
    name?: string;
  };
  signingTime: Date;
  /**
   * The seal's 印章数据 (GB/T 38540 SES_Seal, DER), for a format that embeds the seal in its
   * signature (`DocumentSigner.embedsSealData`: OFD); it must list the signer's certificate.
   */
  sealData?: Uint8Array;
  reason?: string;
  location?: string;
  /**
   * Make this signature the document's certification, allowing later changes of `level`. Refused
   * (PDF_CERTIFICATION_NOT_FIRST) when the document already carries a signature; any signing of a
   * document certified with level 1 is refused (PDF_CERTIFIED_NO_CHANGES).
   */
  certify?: { level: CertificationLevel };
}

/**
 * A signature made up to its value: the key signs `digestToSign` (with the algorithm named), and
 * `complete` takes the value. `state` is the format's own, plain data (bytes, numbers, strings), so
 * a prepared signature can be kept while a key on the user's device signs.
 */
export interface PreparedSignature {
  readonly format: DocumentFormatId;
  readonly algorithm: SignatureAlgorithmId;
  readonly digestToSign: Uint8Array;
  readonly state: unknown;
}

/**
 * An RFC 3161 timestamp token (DER) over an imprint: SHA-256 of the signature value from the P-256
 * TSA; with `'sm2-sm3'`, SM3 of it from the SM2 TSA (an OFD seal signature's, decision 0195).
 */
export type Timestamper = (imprint: Uint8Array, algorithm?: SignatureAlgorithmId) => Promise<Uint8Array>;

export type RevocationStatus = 'good' | 'revoked' | 'unknown';

export interface VerificationOptions {
  /** DER roots the caller trusts (the platform's own). */
  trustedRoots: Uint8Array[];
  /** Whether a signer certificate (DER) that chains to a trusted root was revoked at a time. */
  revocationsAt?: (certificate: Uint8Array, at: Date) => RevocationStatus | Promise<RevocationStatus>;
  now: Date;
  /** Refuse larger files before reading them. */
  maxBytes?: number;
}

/**
 * The verifier's report: ETSI EN 319 102-1 indications and coded findings (decision 0061). The PDF
 * engine defines it; every format's verifier answers in it, so the edge words all formats alike.
 */
export type { VerificationReport, SignatureReport, Verdict } from '../engines/pdf/verify/report';
import type { VerificationReport } from '../engines/pdf/verify/report';

export interface DocumentReader {
  readonly format: DocumentFormatId;
  describe(bytes: Uint8Array, options?: { pageSizes?: boolean }): Promise<DocumentDescription>;
}

export interface DocumentSigner extends DocumentReader {
  /** The only algorithms this format signs with (OFD seal signatures are SM2); absent: any the platform has. */
  readonly signatureAlgorithms?: readonly SignatureAlgorithmId[];
  /** The signature carries the seal's 印章数据 (`SignatureRequest.sealData`). */
  readonly embedsSealData?: boolean;
  /** Phase one: everything but the signature value; says what the key must sign. */
  prepare(bytes: Uint8Array, request: SignatureRequest): Promise<PreparedSignature>;
  /** Phase two: the signature value (checked against the signer's certificate), then the timestamp over it. */
  complete(prepared: PreparedSignature, signatureValue: Uint8Array, timestamp: Timestamper): Promise<Uint8Array>;
  /**
   * Long-term validation data for the newest signature, kept in the document (PAdES B-LT: a DSS in
   * an incremental update; OFD: a file beside the signature that it does not protect, decision 0195).
   */
  addValidationData?(signed: Uint8Array, data: ValidationData): Promise<Uint8Array>;
  /** An archive timestamp over the whole document as it stands (PAdES B-LTA: a document timestamp; OFD has none). */
  addDocumentTimestamp?(signed: Uint8Array, timestamp: Timestamper): Promise<Uint8Array>;
}

/** DER certificates, CRLs and OCSP responses that validate a signature and its timestamp. */
export interface ValidationData {
  certificates: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

export interface DocumentVerifier {
  readonly format: DocumentFormatId;
  verify(bytes: Uint8Array, options: VerificationOptions): Promise<VerificationReport>;
}

/** The formats a function can handle, chosen by a file's bytes. */
export interface DocumentFormats<T extends { format: DocumentFormatId }> {
  /** The format of these bytes; DOCUMENT_FORMAT_UNSUPPORTED when they are of none it handles. */
  of(bytes: Uint8Array): T;
}

/** What the use cases that read, sign or verify documents are given (wired per function: composition-reading/-signing/-verifying.ts). */
export interface DocumentReading {
  documentReaders: DocumentFormats<DocumentReader>;
}
export interface DocumentSigning {
  documentSigners: DocumentFormats<DocumentSigner>;
}
export interface DocumentVerifying {
  documentVerifiers: DocumentFormats<DocumentVerifier>;
}
