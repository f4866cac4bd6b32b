import { checkSignedData, type CheckedSignature } from '../cms/read-signed-data';
import type { PdfDocument } from '../syntax/document';
import { DIGEST_NAMES } from '../trust/pki';
import { checkTimestamp, type TimestampCheck } from '../trust/timestamp';
import { checkByteRange, type RangeCheck } from './byte-range';
import { RangeDigests } from './range-digests';
import type { FoundSignature } from './find-signatures';
import type { Finding, FindingCode, Indication, SignatureKind, SubIndication } from './report';

/** A signature's bytes and cryptography, before anything about trust, time or later revisions. */
export interface SignatureEvidence {
  found: FoundSignature;
  kind: SignatureKind;
  subFilter: string | null;
  range: RangeCheck;
  /** The CMS of a signature. */
  cms?: CheckedSignature;
  /** The token of a document timestamp, or the signature timestamp of a signature. */
  timestamp?: TimestampCheck;
  /** Digest matches and the signature verifies over exactly the signed ranges. */
  intact: boolean;
  findings: Finding[];
}

const DETACHED = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached', 'adbe.pkcs7.sha1']);
const DOCUMENT_TIMESTAMP = 'ETSI.RFC3161';

export function finding(code: FindingCode, indication: Exclude<Indication, 'TOTAL_PASSED'>, subIndication: SubIndication): Finding {
  return { code, indication, subIndication };
}

/**
 * Checks one signature dictionary's bytes: the ByteRange, then the CMS signature over the ranges
 * (ETSI.CAdES.detached, adbe.pkcs7.detached, adbe.pkcs7.sha1) and its signature timestamp, or the
 * RFC 3161 token of a document timestamp (ETSI.RFC3161, /Type /DocTimeStamp) over the ranges.
 */
export async function checkSignatureBytes(
  doc: PdfDocument,
  found: FoundSignature,
  trustedRoots: Uint8Array[],
  /** Its ByteRange already checked, and the digests of every signature's ranges of the file (one read for all). */
  known: { range?: RangeCheck; digests?: RangeDigests } = {},
): Promise<SignatureEvidence> {
  const subFilter = found.sig.name('SubFilter') ?? null;
  const kind: SignatureKind = subFilter === DOCUMENT_TIMESTAMP || found.sig.name('Type') === 'DocTimeStamp' ? 'document_timestamp' : 'signature';
  const range = known.range ?? checkByteRange(doc, found.sigRef, found.sig);
  const findings: Finding[] = [];
  const evidence: SignatureEvidence = { found, kind, subFilter, range, intact: false, findings };
  if (found.shared) findings.push(finding('SIGNATURE_SHARED', 'TOTAL_FAILED', 'FORMAT_FAILURE'));
  if (range.problem && !(range.problem === 'NOT_AT_REVISION_END' && range.wholeDocument))
    findings.push(finding(range.problem, 'TOTAL_FAILED', 'FORMAT_FAILURE'));
  if (!range.cms) return evidence;
  const parts = range.ranges ? range.ranges.map(([s, l]) => doc.bytes.subarray(s, s + l)) : [];
  const signed = range.ranges;
  const digests = known.digests ?? new RangeDigests(doc.bytes, signed ? [signed] : []);
  const digestContent = (oid: string): Uint8Array | undefined => (signed && DIGEST_NAMES[oid] ? digests.digest(DIGEST_NAMES[oid], signed) : undefined);

  if (kind === 'document_timestamp') {
    const ts = await checkTimestamp(range.cms, { content: parts, digestContent }, trustedRoots);
    evidence.timestamp = ts;
    const failed = (f: string) => ts.failures.includes(f as never);
    if (failed('MALFORMED')) findings.push(finding('CMS_UNREADABLE', 'TOTAL_FAILED', 'FORMAT_FAILURE'));
    else {
      if (failed('IMPRINT_MISMATCH')) findings.push(finding('DIGEST_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'));
      if (failed('SIGNATURE_INVALID')) findings.push(finding('SIGNATURE_INVALID', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'));
    }
    evidence.intact = !!range.ranges && !failed('MALFORMED') && !failed('IMPRINT_MISMATCH') && !failed('SIGNATURE_INVALID');
    return evidence;
  }

  if (subFilter === null || !DETACHED.has(subFilter)) {
    findings.push(finding('SUBFILTER_UNSUPPORTED', 'INDETERMINATE', 'FORMAT_FAILURE'));
    return evidence;
  }
  let cms: CheckedSignature;
  try {
    cms = checkSignedData(range.cms, parts, subFilter, digestContent);
  } catch {
    findings.push(finding('CMS_UNREADABLE', 'TOTAL_FAILED', 'FORMAT_FAILURE'));
    return evidence;
  }
  evidence.cms = cms;
  if (!cms.detached) findings.push(finding('NOT_DETACHED', 'TOTAL_FAILED', 'FORMAT_FAILURE'));
  if (!cms.signerCertificate) findings.push(finding('SIGNER_CERTIFICATE_MISSING', 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'));
  else if (!cms.supported) findings.push(finding('ALGORITHM_UNSUPPORTED', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'));
  else {
    if (!cms.digestMatches) findings.push(finding('DIGEST_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'));
    else if (!cms.signatureVerifies) findings.push(finding('SIGNATURE_INVALID', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'));
    if (cms.signingCertificateBound === false) findings.push(finding('SIGNING_CERTIFICATE_MISMATCH', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'));
    else if (cms.signingCertificateBound === null && subFilter === 'ETSI.CAdES.detached') findings.push(finding('SIGNING_CERTIFICATE_UNBOUND', 'INDETERMINATE', 'FORMAT_FAILURE'));
  }
  evidence.intact = !!range.ranges && cms.detached && cms.digestMatches && cms.signatureVerifies && cms.signingCertificateBound !== false;
  if (cms.timestampToken) evidence.timestamp = await checkTimestamp(cms.timestampToken, { signatureValue: cms.signatureValue }, trustedRoots);
  return evidence;
}
