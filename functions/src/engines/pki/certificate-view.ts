import { decodeTime, TAG, type Tlv } from './der';
import { booleanOf, childrenOf, contentOf, encodingOf, ensure, oidOf, readWhole } from './der-values';
import { toHex } from './bytes';
import { PkiError } from './errors';

export interface CertificateExtension {
  oid: string;
  critical: boolean;
  /** Content of extnValue: the DER of the extension's own value. */
  value: Uint8Array;
}

/**
 * An X.509 certificate as spans of its own DER: nothing is re-encoded, so a signature is checked
 * over exactly the tbsCertificate bytes the issuer signed. Reading one takes microseconds (a pkijs
 * certificate takes 1–2 ms), and verification reads each certificate once.
 */
export interface CertificateView {
  der: Uint8Array;
  /** The exact DER of tbsCertificate. */
  tbs: Uint8Array;
  /** DER AlgorithmIdentifier outside the TBS, and the copy inside it (RFC 5280 says they match). */
  signatureAlgorithm: Uint8Array;
  tbsSignatureAlgorithm: Uint8Array;
  /** The signature BIT STRING's bits (DER ECDSA-Sig-Value for the platform). */
  signature: Uint8Array;
  /** The serial INTEGER's content bytes. */
  serialNumber: Uint8Array;
  /** DER Names, compared byte for byte first (names.ts `sameName`). */
  issuer: Uint8Array;
  subject: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** DER SubjectPublicKeyInfo, as node:crypto imports it. */
  subjectPublicKeyInfo: Uint8Array;
  extensions: CertificateExtension[];
}

/**
 * Views by content: every signature of a document carries the same seal, root and TSA
 * certificates, and a verifier reads each several times. Read from a copy, so a view never keeps
 * a large document alive; bounded.
 */
const VIEWS_LIMIT = 256;
const views = new Map<string, CertificateView>();

/** Reads a DER certificate; a PkiError(PKI_MALFORMED) when the bytes are not one. */
export function viewCertificate(der: Uint8Array): CertificateView {
  const id = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
  const known = views.get(id);
  if (known) return known;
  let view: CertificateView;
  try {
    view = Object.freeze(read(new Uint8Array(der)));
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '证书格式无法识别', { cause });
  }
  if (views.size >= VIEWS_LIMIT) views.delete(views.keys().next().value!);
  views.set(id, view);
  return view;
}

/** Forgets every certificate view (benchmarks measure first-time verification). */
export function clearCertificateViews(): void {
  views.clear();
}

function read(der: Uint8Array): CertificateView {
  const [tbs, algorithm, signature, ...extra] = childrenOf(der, readWhole(der, TAG.sequence), TAG.sequence);
  ensure(tbs && algorithm?.tag === TAG.sequence && signature?.tag === TAG.bitString && extra.length === 0, 'Certificate');
  ensure(der[signature.contentStart] === 0 && signature.end > signature.contentStart, 'signature bits');
  const fields = childrenOf(der, tbs, TAG.sequence);
  const at = fields[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version, absent for v1
  const [serial, innerAlgorithm, issuer, validity, subject, spki, ...optional] = fields.slice(at);
  ensure(serial?.tag === TAG.integer && innerAlgorithm?.tag === TAG.sequence && issuer?.tag === TAG.sequence, 'TBSCertificate');
  ensure(subject?.tag === TAG.sequence && spki?.tag === TAG.sequence, 'TBSCertificate');
  const [notBefore, notAfter, ...more] = childrenOf(der, validity, TAG.sequence);
  ensure(notBefore && notAfter && more.length === 0, 'Validity');
  // issuerUniqueID [1], subjectUniqueID [2], extensions [3], each at most once and in this order.
  const order = optional.map((item) => [0x81, 0xa1, 0x82, 0xa2, 0xa3].indexOf(item.tag) >> 1);
  ensure(
    order.every((rank, i) => rank >= 0 && (i === 0 || rank > order[i - 1]!)),
    'TBSCertificate optional fields',
  );
  const extensionsField = optional.find((item) => item.tag === 0xa3);
  return {
    der,
    tbs: encodingOf(der, tbs),
    signatureAlgorithm: encodingOf(der, algorithm),
    tbsSignatureAlgorithm: encodingOf(der, innerAlgorithm),
    signature: der.subarray(signature.contentStart + 1, signature.end),
    serialNumber: contentOf(der, serial),
    issuer: encodingOf(der, issuer),
    subject: encodingOf(der, subject),
    notBefore: timeOf(der, notBefore),
    notAfter: timeOf(der, notAfter),
    subjectPublicKeyInfo: encodingOf(der, spki),
    extensions: extensionsField ? readExtensionList(der, extensionsField, 0xa3) : [],
  };
}

function timeOf(der: Uint8Array, tlv: Tlv): Date {
  ensure(tlv.tag === TAG.utcTime || tlv.tag === TAG.generalizedTime, 'Time');
  return decodeTime(der, tlv);
}

/** [n] EXPLICIT SEQUENCE OF Extension { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }:
 *  [3] in a certificate, [0] in a CRL. */
export function readExtensionList(der: Uint8Array, field: Tlv, tag: number): CertificateExtension[] {
  const [list, ...extra] = childrenOf(der, field, tag);
  ensure(extra.length === 0, 'Extensions');
  return childrenOf(der, list, TAG.sequence).map((item) => {
    const parts = childrenOf(der, item, TAG.sequence);
    const oid = oidOf(der, parts[0]);
    const critical = parts.length === 3 ? booleanOf(der, parts[1]!) : false;
    const value = parts[parts.length - 1];
    ensure(oid && (parts.length === 2 || parts.length === 3) && value?.tag === TAG.octetString, 'Extension');
    return { oid, critical, value: contentOf(der, value) };
  });
}

/** Serial number as lowercase hex without leading zero bytes, as `openssl x509 -serial` prints it (lowercased). */
export function serialHex(certificate: CertificateView): string {
  return toHex(certificate.serialNumber).replace(/^(00)+(?=.)/, '') || '00';
}
