import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { findSignatures } from './find-signatures';
import { PLATFORM_POLICY, worst, type VerificationPolicy } from './policy';
import { deepFreeze, type SignatureReport, type VerificationReport } from './report';
import { verifySignature, type RevocationCheck } from './verify-signature';

export interface VerifyPdfOptions {
  /** DER root certificates the platform trusts (its own root). */
  trustedRoots: Uint8Array[];
  revocationsAt?: RevocationCheck;
  now?: Date;
  policy?: VerificationPolicy;
  maxBytes?: number;
}

/**
 * Verifies every signature of a PDF and gives one frozen report with a bottom-line verdict.
 * Throws PdfInputError only when the file cannot be examined at all (unreadable, encrypted,
 * too large, or carrying no signature).
 */
export async function verifyPdf(bytes: Uint8Array, options: VerifyPdfOptions): Promise<VerificationReport> {
  const doc = PdfDocument.open(bytes, { maxBytes: options.maxBytes });
  const found = findSignatures(doc);
  if (found.length === 0) throw new PdfInputError('PDF_NOT_SIGNED');
  const ctx = { doc, trustedRoots: options.trustedRoots, revocationsAt: options.revocationsAt, now: options.now ?? new Date(), policy: options.policy ?? PLATFORM_POLICY };
  const signatures = [];
  for (const f of found) signatures.push(await verifySignature(ctx, f).catch(() => unverifiable(f.fieldName)));
  const verdict = worst(signatures.map((s) => s.verdict));
  const reasons =
    verdict === 'valid'
      ? [`文档包含 ${signatures.length} 个电子签章，全部有效`]
      : signatures.filter((s) => s.verdict !== 'valid').map((s) => `签章“${s.fieldName}”${s.verdict === 'invalid' ? '无效' : '无法确认'}：${s.reasons[0] ?? ''}`);
  return deepFreeze({ verdict, reasons, signatures });
}

/** Last line of defence: a signature whose data breaks a parser is reported, never thrown. */
function unverifiable(fieldName: string): SignatureReport {
  return {
    fieldName,
    verdict: 'invalid',
    reasons: ['签名数据已损坏，无法验证'],
    signer: { name: null, organization: null, creditCode: null },
    seal: { name: null, kind: null },
    signingTime: null,
    timestamp: null,
    certificateStatus: 'missing',
    integrity: 'broken',
    coverage: 'invalid',
    modifiedAfter: 'other',
    modifications: [],
    revision: null,
  };
}
