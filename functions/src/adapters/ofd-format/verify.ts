import { DomainError } from '@seal/shared';
import type { DocumentVerifier, VerificationOptions } from '../../ports/document-format';
import type { CertificateStatus, Finding, FindingCode, Indication, SignatureReport, SubIndication, VerificationReport } from '../../engines/pdf/verify/report';
import { deepFreeze, VERDICT_OF } from '../../engines/pdf/verify/report';
import { bottomLine, worstFirst, worstOf } from '../../engines/pdf/verify/policy';
import { verifyChainAt } from '../../engines/pdf/trust/chain';
import { chainFinding, chainStatus, revocationAt, safeInfo, signerOf, timestampProvesNothing } from '../../engines/pdf/verify/verify-signature';
import { RevocationData } from '../../engines/pdf/verify/revocation-data';
import { checkTimestamp } from '../../engines/pdf/trust/timestamp';
import { verifyOfd } from '../../engines/ofd/verify';
import type { OfdProblem, OfdSignatureReport } from '../../engines/ofd/report';
import { withOfdErrors } from './ofd-errors';

/**
 * OFD verification in the report model PDF answers in (decision 0061), so the edge words both
 * alike: the engine's checks of each seal signature (file digests, SM2 over TBS_Sign, the seal and
 * its maker's signature; decision 0052) become findings, and the PKI's part is added here, as the
 * PDF verifier does it: the signer's certificate and the seal maker's chain to a trusted root, and
 * the signer's revocation status, at the time its timestamp proves (GB/T 38540's timeStamp) from the
 * validation data kept beside it (decision 0195), or now when it has no valid timestamp.
 */
export const ofdVerifier: DocumentVerifier = {
  format: 'ofd',
  verify: (bytes, options) =>
    withOfdErrors(async (): Promise<VerificationReport> => {
      if (options.maxBytes !== undefined && bytes.length > options.maxBytes) throw new DomainError('DOCUMENT_TOO_LARGE');
      const ofd = verifyOfd(bytes);
      const signatures = await Promise.all(ofd.signatures.map((signature, index) => judge(signature, index, ofd.signatures.length, options)));
      const { indication, subIndication } = worstOf(signatures);
      return deepFreeze({ indication, subIndication, verdict: VERDICT_OF[indication], certification: null, signatures });
    }),
};

/** What each engine problem is in the report's terms: its finding, indication and ETSI sub-indication. */
const FINDING_OF: Record<Exclude<OfdProblem, 'SIGNER_CERTIFICATE_NOT_VALID_AT_SIGNING_TIME'>, [FindingCode, Exclude<Indication, 'TOTAL_PASSED'>, SubIndication]> = {
  REFERENCE_MISMATCH: ['DIGEST_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'],
  REFERENCE_MISSING: ['DIGEST_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'],
  DATA_HASH_MISMATCH: ['DIGEST_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'],
  SIGNED_VALUE_MISSING: ['CONTENTS_EMPTY', 'TOTAL_FAILED', 'FORMAT_FAILURE'],
  SIGNED_VALUE_UNREADABLE: ['CMS_UNREADABLE', 'TOTAL_FAILED', 'FORMAT_FAILURE'],
  SIGNATURE_INVALID: ['SIGNATURE_INVALID', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'],
  SIGNER_NOT_IN_SEAL: ['SEAL_SIGNER_NOT_LISTED', 'TOTAL_FAILED', 'SIG_CONSTRAINTS_FAILURE'],
  SEAL_MAKER_SIGNATURE_INVALID: ['SEAL_MAKER_SIGNATURE_INVALID', 'TOTAL_FAILED', 'SIG_CRYPTO_FAILURE'],
  SEAL_FILE_MISMATCH: ['SEAL_FILE_MISMATCH', 'TOTAL_FAILED', 'HASH_FAILURE'],
  STAMP_PAGE_NOT_FOUND: ['STAMP_PAGE_NOT_FOUND', 'TOTAL_FAILED', 'FORMAT_FAILURE'],
  CHECK_METHOD_UNSUPPORTED: ['ALGORITHM_UNSUPPORTED', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'],
  SIGNATURE_ALGORITHM_UNSUPPORTED: ['ALGORITHM_UNSUPPORTED', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE'],
  SIGNED_VALUE_FORMAT_UNSUPPORTED: ['SUBFILTER_UNSUPPORTED', 'INDETERMINATE', 'FORMAT_FAILURE'],
  NO_SIGNER_CERTIFICATE: ['SIGNER_CERTIFICATE_MISSING', 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'],
  SIGNER_CERTIFICATE_UNREADABLE: ['SIGNER_CERTIFICATE_MISSING', 'INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'],
  SEAL_MAKER_CERTIFICATE_UNREADABLE: ['SEAL_MAKER_UNTRUSTED', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'],
  SEAL_NOT_VALID_AT_SIGNING_TIME: ['SEAL_NOT_VALID_AT_SIGNING_TIME', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE'],
  // The engine leaves it a warning; the platform's policy (decision 0175) does not pass a signature that leaves files open to change.
  UNPROTECTED_FILES: ['FILES_NOT_PROTECTED', 'INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE'],
};

const finding = (code: FindingCode, indication: Exclude<Indication, 'TOTAL_PASSED'>, subIndication: SubIndication): Finding => ({ code, indication, subIndication });

async function judge(s: OfdSignatureReport, index: number, count: number, options: VerificationOptions): Promise<SignatureReport> {
  const findings: Finding[] = [];
  for (const problem of s.problems) {
    if (problem === 'SIGNER_CERTIFICATE_NOT_VALID_AT_SIGNING_TIME') {
      findings.push(finding(s.signerCertificateValidity === 'not-yet-valid' ? 'CERTIFICATE_NOT_YET_VALID' : 'CERTIFICATE_EXPIRED', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE'));
    } else {
      findings.push(finding(...FINDING_OF[problem]));
    }
  }
  const intact = !findings.some((f) => f.indication === 'TOTAL_FAILED');

  // GB/T 38540's timestamp over the signature value is the proof of existence (decision 0195): the
  // signer's chain and status are judged at its time, as a PDF signature's are (decision 0170).
  const ts = s.timeStamp && s.signatureBytes ? await checkTimestamp(s.timeStamp, { signatureValue: s.signatureBytes }, options.trustedRoots) : undefined;
  if (ts && !ts.valid) findings.push(timestampProvesNothing(ts));
  const poe = ts?.valid && ts.time ? ts.time : null;
  if (poe && poe > options.now) findings.push(finding('TIMESTAMP_IN_FUTURE', 'INDETERMINATE', 'TIMESTAMP_ORDER_FAILURE'));
  const at = poe ?? options.now;

  let certificateStatus: CertificateStatus = 'missing';
  if (s.signerCertificate) {
    const pool = s.validationData?.certificates ?? [];
    const chain = await verifyChainAt(s.signerCertificate, pool, options.trustedRoots, at);
    certificateStatus = chain.trusted ? 'valid' : chainStatus(chain.problem ?? 'MALFORMED');
    if (!chain.trusted) findings.push(chainFinding(chain.problem ?? 'MALFORMED', poe !== null));
    if (chain.trusted) {
      const revocationData = s.validationData ? RevocationData.of(s.validationData) : undefined;
      const context = { trustedRoots: options.trustedRoots, revocationsAt: options.revocationsAt, revocationData, now: options.now };
      const revocation = await revocationAt(context, { certificate: s.signerCertificate, issuer: chain.issuer, pool, at, proven: poe !== null });
      certificateStatus = revocation.status;
      if (revocation.finding) findings.push(revocation.finding);
    }
  }
  // A seal made by a maker the platform does not trust is anyone's drawing, whatever its signature.
  if (s.seal && s.seal.makerSignature === 'valid' && !(await verifyChainAt(s.seal.makerCertificate, [], options.trustedRoots, at)).trusted) {
    findings.push(finding('SEAL_MAKER_UNTRUSTED', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND'));
  }

  const ordered = worstFirst(dedupe(findings));
  const { indication, subIndication } = bottomLine(ordered);
  const info = s.signerCertificate ? safeInfo(s.signerCertificate) : undefined;
  const later = Array.from({ length: count - index - 1 }, (_, i) => ({
    revision: index + i + 2,
    level: 'signatures_only' as const,
    code: 'SIGNATURE_ADDED' as const,
    object: null,
    kind: 'signature' as const,
  }));
  return {
    fieldName: s.id,
    kind: 'signature',
    // GB/T 38540 seal signature (SES_Signature v4 / GM/T 0031 v1), or what else SignedValue.dat holds.
    subFilter: SUB_FILTER[s.format],
    indication,
    subIndication,
    verdict: VERDICT_OF[indication],
    findings: ordered,
    signer: signerOf(info),
    // The seal's own name (SES_Seal), also for seals other platforms made; the kind from a platform certificate.
    seal: { name: s.seal?.name ?? info?.sealName ?? null, kindLabel: info?.sealKindLabel ?? null },
    signingTime: (poe ?? s.signingTime)?.toISOString() ?? null,
    timestamp: ts ? { time: ts.time?.toISOString() ?? '', valid: ts.valid } : null,
    algorithms: { digest: 'sm3', signature: s.format === 'cms' || s.format === 'unknown' ? null : 'sm2' },
    certificateStatus,
    integrity: intact ? 'intact' : 'broken',
    coverage: s.unprotectedFiles.length === 0 ? 'whole_revision' : 'partial',
    coversWholeDocument: s.unprotectedFiles.length === 0 && later.length === 0,
    modifiedAfter: later.length > 0 ? 'signatures_only' : 'none',
    modifications: later,
    revision: index + 1,
    certificationLevel: null,
  };
}

const SUB_FILTER: Record<OfdSignatureReport['format'], string | null> = {
  'ses-v4': 'GB/T 38540 SES_Signature v4',
  'ses-v1': 'GM/T 0031 SES_Signature v1',
  'sm2-signature-value': 'SM2 signature value',
  cms: 'GB/T 35275 SignedData',
  unknown: null,
};

/** Three digest problems are one finding to a reader. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(`${f.code}/${f.indication}`) && seen.add(`${f.code}/${f.indication}`));
}
