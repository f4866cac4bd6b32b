import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { checkByteRange } from './byte-range';
import { readCertification } from './certification';
import { checkSignatureBytes, finding, type SignatureEvidence } from './check-signature-bytes';
import { analyseModifications, RevisionAnalyses } from './diff/analyse-modifications';
import { findSignatures, type FoundSignature } from './find-signatures';
import { CERTIFICATION_CEILING, PLATFORM_POLICY, worstOf, type VerificationPolicy } from './policy';
import { deepFreeze, VERDICT_OF, type CertificationLevel, type SignatureReport, type VerificationReport } from './report';
import { RangeDigests } from './range-digests';
import { RevocationData } from './revocation-data';
import { judgeSignature, type RevocationCheck } from './verify-signature';
import { viewCertificate } from '../trust/pki';

export interface VerifyPdfOptions {
  /** DER root certificates the verifier trusts (the platform's own root). */
  trustedRoots: Uint8Array[];
  revocationsAt?: RevocationCheck;
  /** The validation time: now, or a moment to judge the document at. */
  now?: Date;
  policy?: VerificationPolicy;
  maxBytes?: number;
}

/**
 * Verifies every signature and document timestamp of a PDF and gives one frozen report in
 * ETSI EN 319 102-1 terms (report.ts). First every signature's bytes and cryptography, because a
 * later revision may add exactly the fields and widgets of a signature that verifies over it;
 * then, per signature, what changed after it, its time and its certificate. Throws PdfInputError
 * only when the file cannot be examined at all (unreadable, encrypted, too large, not signed).
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<VerificationReport> {
  const doc = PdfDocument.open(bytes, { maxBytes: options.maxBytes });
  const found = findSignatures(doc);
  if (found.length === 0) throw new PdfInputError('PDF_NOT_SIGNED');
  const now = options.now ?? new Date();
  const policy = options.policy ?? PLATFORM_POLICY;
  const revocationData = RevocationData.read(doc);

  // Every signature's ranges hashed in one read of the file per digest algorithm, not one read each.
  const ranges = found.map((f) => {
    try {
      return checkByteRange(doc, f.sigRef, f.sig);
    } catch {
      return null;
    }
  });
  const digests = new RangeDigests(doc.bytes, ranges.flatMap((r) => (r?.ranges ? [r.ranges] : [])));
  const evidence: (SignatureEvidence | null)[] = [];
  for (const [i, f] of found.entries()) {
    const range = ranges[i];
    evidence.push(range ? await checkSignatureBytes(doc, f, options.trustedRoots, { range, digests }).catch(() => null) : null);
  }

  // Which intact signatures each revision ends with: only their fields and widgets may appear in it.
  const covering = new Map<number, Map<number, 'signature' | 'document_timestamp'>>();
  for (const e of evidence) {
    if (!e?.intact || e.range.revision === null || !e.found.sigRef) continue;
    const m = covering.get(e.range.revision) ?? new Map();
    m.set(e.found.sigRef.num, e.kind);
    covering.set(e.range.revision, m);
  }
  const analyses = new RevisionAnalyses(doc, (r) => ({ coveringSignatures: covering.get(r) ?? new Map() }));

  // The certification counts only if the catalog named it when that signature was made.
  const certification = readCertification(doc);
  const certified = certification ? evidence.find((e) => e?.found.sigRef?.num === certification.sigRef.num) : undefined;
  const certRevision = certified?.range.revision ?? null;
  const certLevel: CertificationLevel | null =
    certification && certRevision !== null && readCertification(doc, certRevision)?.sigRef.num === certification.sigRef.num ? certification.level : null;

  // Proof of existence: a signature's own valid timestamp, or a valid document timestamp made after it,
  // each only while it stands (outlivedTimestamps).
  const valid = (e: SignatureEvidence | null): e is SignatureEvidence & { timestamp: { time: Date } } => !!e && !!e.timestamp?.valid && !!e.timestamp.time;
  const outlived = outlivedTimestamps(evidence.filter(valid), now);
  const docTimestamps = evidence.filter((e): e is SignatureEvidence => valid(e) && e.kind === 'document_timestamp' && e.intact && !outlived.has(e));
  const proofOf = (e: SignatureEvidence): Date | null => {
    const own = valid(e) && !outlived.has(e) ? [e.timestamp!.time!] : [];
    const later = e.range.revision === null ? [] : docTimestamps.filter((t) => t.range.revision !== null && t.range.revision > e.range.revision!).map((t) => t.timestamp!.time!);
    const all = [...own, ...later];
    return all.length ? new Date(Math.min(...all.map((d) => d.getTime()))) : null;
  };

  // Proof a signature was made after a time: the newest standing timestamp in a revision before its own,
  // which its byte range covers (EN 319 102-1's EXPIRED needs such a proof, decision 0236).
  const madeAfter = (e: SignatureEvidence): Date | null => {
    if (e.range.revision === null) return null;
    const covered = evidence.filter((t): t is SignatureEvidence => valid(t) && t.intact && !outlived.has(t) && t.range.revision !== null && t.range.revision < e.range.revision!);
    return covered.length ? new Date(Math.max(...covered.map((t) => t.timestamp!.time!.getTime()))) : null;
  };

  const signatures: SignatureReport[] = [];
  for (let i = 0; i < found.length; i++) {
    const e = evidence[i];
    if (!e) {
      signatures.push(unverifiable(found[i]!));
      continue;
    }
    const revision = e.range.revision;
    const afterCertification = certLevel !== null && revision !== null && certRevision !== null && revision >= certRevision;
    const isCertification = certLevel !== null && e === certified;
    const extraFindings = [];
    if (isCertification && evidence.some((o) => o && o !== e && o.range.revision !== null && o.range.revision < certRevision!)) {
      extraFindings.push(finding('CERTIFICATION_NOT_FIRST', 'INDETERMINATE', 'FORMAT_FAILURE'));
    }
    const modifications =
      revision === null && e.range.wholeDocument
        ? { level: 'none' as const, modifications: [] }
        : e.range.coverage === 'invalid'
          ? { level: 'other' as const, modifications: [] }
          : analyseModifications(doc, revision, analyses);
    try {
      signatures.push(
        await judgeSignature(
          { trustedRoots: options.trustedRoots, revocationsAt: options.revocationsAt, revocationData, now, policy },
          {
            evidence: e,
            modifications,
            ceiling: afterCertification ? CERTIFICATION_CEILING[certLevel] : policy.allowedAfterSigning,
            certifiedBy: afterCertification ? certLevel : null,
            certificationLevel: isCertification ? certLevel : null,
            extraFindings,
            proofOfExistence: proofOf(e),
            madeAfter: madeAfter(e),
            timestampOutlived: outlived.has(e),
          },
        ),
      );
    } catch (error) {
      if (error instanceof PdfInputError && error.code !== 'PDF_UNREADABLE') throw error;
      signatures.push(unverifiable(found[i]!));
    }
  }
  const worst = worstOf(signatures);
  const certifying = signatures.find((s) => s.certificationLevel !== null);
  return deepFreeze({
    indication: worst.indication,
    subIndication: worst.subIndication,
    verdict: VERDICT_OF[worst.indication],
    certification: certifying && certLevel ? { level: certLevel, fieldName: certifying.fieldName } : null,
    signatures,
  });
}

/**
 * The timestamps that no longer prove anything (ETSI EN 319 102-1, past signature validation): the
 * TSA certificate has expired by the validation time, and no later intact document timestamp that
 * itself still stands was made while that certificate was valid. The archive job's re-timestamps
 * (decision 0171) are such later timestamps; the newest one's TSA certificate must be in force today.
 */
function outlivedTimestamps(timestamped: SignatureEvidence[], now: Date): Set<SignatureEvidence> {
  const latestFirst = [...timestamped].sort((a, b) => (b.range.revision ?? -1) - (a.range.revision ?? -1));
  const outlived = new Set<SignatureEvidence>();
  for (const e of latestFirst) {
    const end = tsaNotAfter(e);
    if (!end || end >= now) continue;
    const vouched = latestFirst.some(
      (later) =>
        later.kind === 'document_timestamp' &&
        later.intact &&
        !outlived.has(later) &&
        later.range.revision !== null &&
        e.range.revision !== null &&
        later.range.revision > e.range.revision &&
        later.timestamp!.time! <= end,
    );
    if (!vouched) outlived.add(e);
  }
  return outlived;
}

function tsaNotAfter(e: SignatureEvidence): Date | undefined {
  try {
    return e.timestamp?.tsaCertificate ? viewCertificate(e.timestamp.tsaCertificate).notAfter : undefined;
  } catch {
    return undefined;
  }
}

/** Last line of defence: a signature whose data breaks a parser is reported, never thrown. */
function unverifiable(found: FoundSignature): SignatureReport {
  return {
    fieldName: found.fieldName,
    kind: 'signature',
    subFilter: found.sig.name('SubFilter') ?? null,
    indication: 'TOTAL_FAILED',
    subIndication: 'FORMAT_FAILURE',
    verdict: 'invalid',
    findings: [finding('UNVERIFIABLE', 'TOTAL_FAILED', 'FORMAT_FAILURE')],
    signer: { name: null, organization: null, creditCode: null, subject: null, serialNumber: null, issuer: null, notBefore: null, notAfter: null },
    seal: { name: null, kindLabel: null },
    signingTime: null,
    timestamp: null,
    algorithms: { digest: null, signature: null },
    certificateStatus: 'missing',
    integrity: 'broken',
    coverage: 'invalid',
    coversWholeDocument: false,
    modifiedAfter: 'other',
    modifications: [],
    revision: null,
    certificationLevel: null,
  };
}
