import { decodeStream } from '../syntax/filters';
import type { PdfDocument } from '../syntax/document';
import { PdfStream } from '../syntax/objects';
import { verifyChainAt } from '../trust/chain';
import {
  mayAnswerFor,
  normalizeSerial,
  parseCrl,
  readOcspResponse,
  sameName,
  serialHex,
  viewCertificate,
  type CertificateView,
  type OcspResponseView,
} from '../trust/pki';

/** Bounds on what a DSS may make the verifier read (decision 0062): entries per kind, bytes per entry. */
export const MAX_DSS_ENTRIES = 64;
const MAX_DSS_ENTRY_BYTES = 1024 * 1024;

/** What the document's own revocation data proves of a certificate at a moment. */
export type EvidenceStatus = { status: 'revoked'; revokedAt: Date } | { status: 'good' } | { status: 'none' };

/**
 * The validation data a document carries in its Document Security Store (PAdES B-LT, ISO 32000-2
 * §12.8.4.3): certificates, CRLs and OCSP responses, read once per verification from the last
 * revision's catalog. Entries that do not decode, beyond the bounds, or signed by nobody the trust
 * anchors vouch for, prove nothing; they never make a verification fail.
 */
export class RevocationData {
  private readonly ocspViews = new Map<number, OcspResponseView | null>();

  private constructor(
    readonly certificates: Uint8Array[],
    private readonly crls: Uint8Array[],
    private readonly ocsps: Uint8Array[],
  ) {}

  static read(doc: PdfDocument): RevocationData {
    const dss = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('DSS'));
    const entries = (key: string): Uint8Array[] => {
      const list = doc.resolve(dss?.get(key));
      if (!Array.isArray(list)) return [];
      return list.slice(0, MAX_DSS_ENTRIES).flatMap((item) => {
        const stream = doc.resolve(item);
        if (!(stream instanceof PdfStream)) return [];
        try {
          return [decodeStream(stream, MAX_DSS_ENTRY_BYTES)];
        } catch {
          return [];
        }
      });
    };
    return new RevocationData(entries('Certs'), entries('CRLs'), entries('OCSPs'));
  }

  /** Validation data kept outside a PDF (an OFD signature's, decision 0195), bounded as a DSS is. */
  static of(data: { certificates: Uint8Array[]; crls: Uint8Array[]; ocsps: Uint8Array[] }): RevocationData {
    const bounded = (items: Uint8Array[]) => items.slice(0, MAX_DSS_ENTRIES).filter((item) => item.length <= MAX_DSS_ENTRY_BYTES);
    return new RevocationData(bounded(data.certificates), bounded(data.crls), bounded(data.ocsps));
  }

  get empty(): boolean {
    return this.crls.length === 0 && this.ocsps.length === 0;
  }

  /**
   * The status of `certificate` (issued by `issuer`, on a trusted path) at `at`, from signed CRLs
   * and OCSP answers alone: revoked when one names a revocation at or before `at`; good when one
   * was current at or after `at` (`at` ≤ its nextUpdate, or ≤ its thisUpdate when it names none) and
   * made while the certificate was in force (a CA need not keep the status of an expired one,
   * RFC 5280 §3.3); otherwise nothing is proven. An OCSP responder counts when it is the CA or was
   * certified by it for OCSP signing, and chains to a trust anchor when it answered.
   */
  async statusAt(
    certificate: Uint8Array,
    issuer: Uint8Array,
    pool: Uint8Array[],
    trustedRoots: Uint8Array[],
    at: Date,
  ): Promise<EvidenceStatus> {
    if (this.empty) return { status: 'none' };
    let subject: CertificateView;
    let ca: CertificateView;
    try {
      subject = viewCertificate(certificate);
      ca = viewCertificate(issuer);
    } catch {
      return { status: 'none' };
    }
    const serial = serialHex(subject);
    const statements: { revokedAt?: Date; thisUpdate: Date; nextUpdate?: Date }[] = [];

    for (const der of this.crls) {
      try {
        const crl = parseCrl(der, { issuerCertificate: issuer });
        if (!crl.signatureValid || !sameName(crl.issuerName, subject.issuer)) continue;
        const entry = crl.entries.find((e) => normalizeSerial(e.serialNumber) === serial);
        statements.push({
          ...(entry ? { revokedAt: entry.revokedAt } : {}),
          thisUpdate: crl.thisUpdate,
          ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate } : {}),
        });
      } catch {
        // not a CRL, or not this CA's: proves nothing
      }
    }
    for (let i = 0; i < this.ocsps.length; i++) {
      const view = this.ocspView(i);
      const responder = view?.responderCertificate;
      if (!view || !responder || !mayAnswerFor(responder, ca)) continue;
      const trusted =
        Buffer.from(responder).equals(Buffer.from(issuer)) ||
        (await verifyChainAt(responder, [...pool, ...this.certificates], trustedRoots, view.producedAt)).trusted;
      if (!trusted) continue;
      for (const answer of view.answers) {
        if (answer.serialNumber !== serial || answer.status === 'unknown' || !answer.issuedBy(ca)) continue;
        statements.push({
          ...(answer.revokedAt ? { revokedAt: answer.revokedAt } : {}),
          thisUpdate: answer.thisUpdate,
          ...(answer.nextUpdate ? { nextUpdate: answer.nextUpdate } : {}),
        });
      }
    }

    const revoked = statements
      .filter((s) => s.revokedAt && s.revokedAt <= at)
      .sort((a, b) => a.revokedAt!.getTime() - b.revokedAt!.getTime())[0];
    if (revoked) return { status: 'revoked', revokedAt: revoked.revokedAt! };
    const current = statements.some((s) => at <= (s.nextUpdate ?? s.thisUpdate) && s.thisUpdate <= subject.notAfter);
    return current ? { status: 'good' } : { status: 'none' };
  }

  private ocspView(i: number): OcspResponseView | null {
    if (!this.ocspViews.has(i)) {
      let view: OcspResponseView | null;
      try {
        view = readOcspResponse(this.ocsps[i]!, this.certificates);
      } catch {
        view = null;
      }
      this.ocspViews.set(i, view);
    }
    return this.ocspViews.get(i)!;
  }
}
