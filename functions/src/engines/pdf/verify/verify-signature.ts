import { PdfString } from '../syntax/objects';
import { verifyChainAt } from '../trust/chain';
import { sealCertificateInfo } from '../trust/certificates';
import { viewCertificate } from '../trust/pki';
import type { ChainProblem, SealCertificateInfo } from '../trust/pki';
import { finding, type SignatureEvidence } from './check-signature-bytes';
import type { RevocationData } from './revocation-data';
import type { TimestampCheck } from '../trust/timestamp';
import type { ModificationAnalysis } from './diff/analyse-modifications';
import { bottomLine, exceeds, worstFirst, type VerificationPolicy } from './policy';
import { VERDICT_OF, type CertificateStatus, type CertificationLevel, type Finding, type ModificationLevel, type SignatureReport, type SubIndication } from './report';

export type RevocationStatus = 'good' | 'revoked' | 'unknown';
/** Whether a certificate (DER) was revoked at a time; the platform answers from its CRL. */
export type RevocationCheck = (certificate: Uint8Array, at: Date) => RevocationStatus | Promise<RevocationStatus>;

export interface JudgeContext {
  trustedRoots: Uint8Array[];
  revocationsAt?: RevocationCheck;
  /** The document's own CRLs and OCSP answers (its DSS). */
  revocationData?: RevocationData;
  /** The validation time. */
  now: Date;
  policy: VerificationPolicy;
}

export interface Judgement {
  evidence: SignatureEvidence;
  modifications: ModificationAnalysis;
  /** The most changes this signature allows after it: the certification's, else the policy's. */
  ceiling: ModificationLevel;
  /** Set when the document is certified and this signature is at or after the certification. */
  certifiedBy: CertificationLevel | null;
  /** Set on the certification signature itself. */
  certificationLevel: CertificationLevel | null;
  extraFindings: Finding[];
  /** The earliest proven time the signature existed (its own valid timestamp, or a later document timestamp). */
  proofOfExistence: Date | null;
  /** The latest proven time before which it cannot have been made (a standing timestamp its byte range covers). */
  madeAfter: Date | null;
  /** Its timestamp's TSA certificate has expired by now and no later document timestamp vouches for it (decision 0191). */
  timestampOutlived: boolean;
}

const UNTRUSTED: ReadonlySet<ChainProblem> = new Set(['UNKNOWN_ISSUER', 'BAD_SIGNATURE']);

/**
 * One signature's report: its bytes and cryptography (already checked), then the time it is proven
 * to have existed, its certificate path and revocation at that time, and what changed after it
 * against what its policy or the document's certification allows. The worst finding is the bottom line.
 */
export async function judgeSignature(ctx: JudgeContext, j: Judgement): Promise<SignatureReport> {
  const { evidence } = j;
  const findings: Finding[] = [...evidence.findings, ...j.extraFindings];
  const ts = evidence.timestamp;
  const isTimestamp = evidence.kind === 'document_timestamp';
  const claimed = parsePdfDate(evidence.found.sig.get('M'));
  const poe = j.proofOfExistence;

  // A signature timestamp that is there but proves nothing leaves the signing time unproven.
  if (!isTimestamp && ts && !ts.valid) findings.push(timestampProvesNothing(ts));
  // A timestamp sound at its time whose TSA certificate has since expired, with no later timestamp made while it was valid.
  if (j.timestampOutlived) findings.push(finding('TIMESTAMP_CERTIFICATE_EXPIRED', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE'));
  if (poe && poe > ctx.now) findings.push(finding('TIMESTAMP_IN_FUTURE', 'INDETERMINATE', 'TIMESTAMP_ORDER_FAILURE'));
  if (!isTimestamp && !poe && !j.timestampOutlived && ctx.policy.requireTimestamp) findings.push(finding('TIMESTAMP_INVALID', 'INDETERMINATE', 'NO_POE'));
  const weak = new Set([...(evidence.cms?.weak ?? []), ...(ts?.weak ?? [])]);
  if (weak.size > 0) findings.push(finding('WEAK_ALGORITHM', 'INDETERMINATE', 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'));

  // The certificate: the signer's, or for a document timestamp the TSA's (its chain was checked with the token).
  let certificateStatus: CertificateStatus = 'missing';
  const certificate = isTimestamp ? ts?.tsaCertificate : evidence.cms?.signerCertificate;
  const at = poe ?? ctx.now;
  if (isTimestamp && ts) {
    certificateStatus = ts.chain ? chainStatus(ts.chain) : ts.failures.includes('TSA_CERTIFICATE_INVALID') ? 'invalid_chain' : ts.tsaCertificate ? 'valid' : 'missing';
    if (ts.chain) findings.push(chainFinding(ts.chain, true));
    else if (ts.failures.includes('TSA_CERTIFICATE_INVALID')) findings.push(finding('CHAIN_INVALID', 'INDETERMINATE', 'CHAIN_CONSTRAINTS_FAILURE'));
  } else if (certificate && evidence.cms) {
    const chain = await verifyChainAt(certificate, evidence.cms.certificates, ctx.trustedRoots, at);
    certificateStatus = chain.trusted ? 'valid' : chainStatus(chain.problem!);
    if (!chain.trusted) findings.push(madeAfterEnd(chain.problem!, certificate, j.madeAfter) ?? chainFinding(chain.problem!, poe !== null));
    if (chain.trusted) {
      const revocation = await revocationAt(ctx, { certificate, issuer: chain.issuer, pool: evidence.cms.certificates, at, proven: poe !== null });
      certificateStatus = revocation.status;
      if (revocation.finding) findings.push(revocation.finding);
    }
  }

  // A range that could not be placed in a revision is already failed; its later changes cannot be told apart.
  const placed = evidence.range.revision !== null || evidence.range.problem === 'NOT_AT_REVISION_END';
  if (placed && exceeds(j.modifications.level, j.ceiling)) {
    findings.push(finding(j.certifiedBy ? 'DOCMDP_VIOLATION' : 'MODIFIED_AFTER_SIGNING', 'TOTAL_FAILED', 'HASH_FAILURE'));
  }

  const info = certificate ? safeInfo(certificate) : undefined;
  const ordered = worstFirst(findings);
  const { indication, subIndication } = bottomLine(ordered);
  const range = evidence.range;
  return {
    fieldName: evidence.found.fieldName,
    kind: evidence.kind,
    subFilter: evidence.subFilter,
    indication,
    subIndication,
    verdict: VERDICT_OF[indication],
    findings: ordered,
    signer: signerOf(info),
    seal: { name: info?.sealName ?? null, kindLabel: info?.sealKindLabel ?? null },
    signingTime: (ts?.valid && ts.time ? ts.time : isTimestamp ? ts?.time : claimed)?.toISOString() ?? null,
    timestamp: ts ? { time: ts.time?.toISOString() ?? '', valid: ts.valid } : null,
    algorithms: { digest: evidence.cms?.digestAlgorithm ?? null, signature: evidence.cms?.signatureAlgorithm ?? (isTimestamp ? 'rfc3161' : null) },
    certificateStatus,
    integrity: evidence.intact ? 'intact' : 'broken',
    coverage: range.coverage,
    coversWholeDocument: range.wholeDocument,
    modifiedAfter: j.modifications.level,
    modifications: j.modifications.modifications,
    revision: range.revision === null ? null : range.revision + 1,
    certificationLevel: j.certificationLevel,
  };
}

/** A signature timestamp that is there but proves nothing: from a TSA nobody trusts, or broken. */
export function timestampProvesNothing(ts: TimestampCheck): Finding {
  const untrustedOnly = ts.failures.every((f) => f === 'CHAIN_UNTRUSTED');
  return finding(untrustedOnly ? 'TIMESTAMP_UNTRUSTED' : 'TIMESTAMP_INVALID', 'INDETERMINATE', 'NO_POE');
}

export interface RevocationQuery {
  certificate: Uint8Array;
  issuer: Uint8Array | undefined;
  pool: Uint8Array[];
  /** The proven signing time (or the validation time when nothing proves one). */
  at: Date;
  proven: boolean;
}

/**
 * The signer certificate's status at the signing time (decision 0170). Revoked when the document's
 * evidence (DSS) or the platform's records place a revocation at or before it. Once the certificate
 * has been revoked or has expired by the validation time, that it was good when it signed is
 * accepted only from evidence made at the time and kept in the document (PAdES B-LT): the
 * platform's records then speak only of today, and a relying party without the platform has
 * nothing else. Without a record source (`revocationsAt`) only the document's evidence is judged.
 */
export async function revocationAt(ctx: Pick<JudgeContext, 'trustedRoots' | 'revocationsAt' | 'revocationData' | 'now'>, q: RevocationQuery): Promise<{ status: CertificateStatus; finding?: Finding }> {
  const revoked = () => ({ status: 'revoked' as const, finding: q.proven ? finding('CERTIFICATE_REVOKED', 'TOTAL_FAILED', 'REVOKED') : finding('CERTIFICATE_REVOKED', 'INDETERMINATE', 'REVOKED_NO_POE') });
  const missing = (sub: SubIndication) => ({ status: 'revocation_unknown' as const, finding: finding('REVOCATION_DATA_MISSING', 'INDETERMINATE', sub) });
  // Asked first whatever the document says: the platform's records also cross-check its evidence.
  const today = ctx.revocationsAt ? await ctx.revocationsAt(q.certificate, ctx.now) : undefined;
  const kept = q.issuer && ctx.revocationData ? await ctx.revocationData.statusAt(q.certificate, q.issuer, q.pool, ctx.trustedRoots, q.at) : { status: 'none' as const };
  if (kept.status === 'revoked') return revoked();
  if (today === 'revoked') {
    if ((await ctx.revocationsAt!(q.certificate, q.at)) === 'revoked') return revoked();
    return kept.status === 'good' ? { status: 'valid' } : missing('REVOKED_NO_POE');
  }
  if (kept.status === 'good' || today === undefined) return { status: 'valid' };
  if (today === 'unknown') return { status: 'revocation_unknown', finding: finding('REVOCATION_UNKNOWN', 'INDETERMINATE', 'TRY_LATER') };
  if (expiredBy(q.certificate, ctx.now)) return missing('OUT_OF_BOUNDS_NO_POE');
  return { status: 'valid' };
}

function expiredBy(certificate: Uint8Array, now: Date): boolean {
  try {
    return viewCertificate(certificate).notAfter < now;
  } catch {
    return false;
  }
}

const CHAIN_STATUS: Record<ChainProblem, CertificateStatus> = {
  MALFORMED: 'invalid_chain',
  UNKNOWN_ISSUER: 'unknown_issuer',
  // A root look-alike (same name, other key) fails on the signature: still not a certificate we know.
  BAD_SIGNATURE: 'unknown_issuer',
  NOT_A_CA: 'invalid_chain',
  KEY_USAGE: 'invalid_chain',
  EXPIRED: 'expired',
  NOT_YET_VALID: 'not_yet_valid',
  UNSUPPORTED_CRITICAL_EXTENSION: 'invalid_chain',
  TOO_LONG: 'invalid_chain',
};
export const chainStatus = (problem: ChainProblem): CertificateStatus => CHAIN_STATUS[problem];

/**
 * EN 319 102-1: no path to a trust anchor is NO_CERTIFICATE_CHAIN_FOUND (indeterminate, not failed).
 * A certificate not yet valid at a proof of existence is failed (NOT_YET_VALID): the signature
 * existed before the certificate did. An expired one is not (decision 0236): a proof of existence
 * says the signature existed by that time, not that it was made after the certificate's end, which
 * TOTAL_FAILED / EXPIRED needs (madeAfterEnd); past signature validation (§5.6.2.4, §5.5.4 step 4)
 * leaves it INDETERMINATE / OUT_OF_BOUNDS_NO_POE.
 */
export function chainFinding(problem: ChainProblem, proven: boolean): Finding {
  if (UNTRUSTED.has(problem)) return finding('CHAIN_UNTRUSTED', 'INDETERMINATE', 'NO_CERTIFICATE_CHAIN_FOUND');
  if (problem === 'EXPIRED') return finding('CERTIFICATE_EXPIRED', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
  if (problem === 'NOT_YET_VALID') return proven ? finding('CERTIFICATE_NOT_YET_VALID', 'TOTAL_FAILED', 'NOT_YET_VALID') : finding('CERTIFICATE_NOT_YET_VALID', 'INDETERMINATE', 'OUT_OF_BOUNDS_NO_POE');
  const sub: SubIndication = problem === 'MALFORMED' ? 'CERTIFICATE_CHAIN_GENERAL_FAILURE' : 'CHAIN_CONSTRAINTS_FAILURE';
  return finding('CHAIN_INVALID', 'INDETERMINATE', sub);
}

/**
 * EN 319 102-1's TOTAL_FAILED / EXPIRED: the certificate had expired, and the signature covers a
 * timestamp later than its end, so it was made after that end (not merely unproven before it).
 */
function madeAfterEnd(problem: ChainProblem, certificate: Uint8Array, madeAfter: Date | null): Finding | undefined {
  if (problem !== 'EXPIRED' || !madeAfter) return undefined;
  try {
    return madeAfter > viewCertificate(certificate).notAfter ? finding('CERTIFICATE_EXPIRED', 'TOTAL_FAILED', 'EXPIRED') : undefined;
  } catch {
    return undefined;
  }
}

/** The report's signer fields from a certificate's seal profile (any certificate: absent fields are null). */
export function signerOf(info: SealCertificateInfo | undefined): SignatureReport['signer'] {
  return {
    name: info?.holderName ?? info?.commonName ?? null,
    organization: info?.companyName ?? null,
    creditCode: info?.creditCode ?? null,
    subject: info?.subject ?? null,
    serialNumber: info?.serialNumber ?? null,
    issuer: info?.issuer ?? null,
    notBefore: info?.notBefore.toISOString() ?? null,
    notAfter: info?.notAfter.toISOString() ?? null,
  };
}

/** A certificate's seal profile, or undefined when it does not parse. */
export function safeInfo(der: Uint8Array): SealCertificateInfo | undefined {
  try {
    return sealCertificateInfo(der);
  } catch {
    return undefined;
  }
}

export function parsePdfDate(v: unknown): Date | undefined {
  if (!(v instanceof PdfString)) return undefined;
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(v.text());
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz] = m;
  let offset = 0;
  if (tz && tz !== 'Z') {
    const sign = tz[0] === '-' ? -1 : 1;
    const digits = tz.replace(/\D/g, '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
  }
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60000;
  return Number.isFinite(t) ? new Date(t) : undefined;
}
