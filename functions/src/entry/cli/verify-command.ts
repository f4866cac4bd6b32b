import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DomainError, wordReport } from '@seal/shared';
import { PdfInputError } from '../../engines/pdf/errors';
import { verifyPdf, type VerificationReport } from '../../engines/pdf/verify';
import { sniffDocumentFormat } from '../../adapters/document-formats';
import { ofdVerifier } from '../../adapters/ofd-format/verify';
import { fromPem } from '../../engines/pki/pem';
import { formatReport } from './format-report';

/** Exit status: 0 valid, 1 invalid, 2 indeterminate, 3 unreadable input. */
export const EXIT = { valid: 0, invalid: 1, indeterminate: 2, unreadable: 3 } as const;

/** `seal verify --json` output: docs/verification-report.md. Raise the version on any incompatible change. */
export const REPORT_SCHEMA = { schema: 'seal-verification-report', version: 1 } as const;

export interface VerifyArgs {
  file: string;
  json: boolean;
  trust: string[];
}

/** The local stack writes the platform roots here (P-256, and SM2 for SM2 seals and OFD); `--trust` overrides them. */
export function defaultTrustPaths(): string[] {
  const repoRoot = resolve(__dirname, '..', '..', '..');
  const dir = [process.cwd(), repoRoot].map((base) => join(base, '.data/pki')).find((candidate) => existsSync(join(candidate, 'platform-root.pem')));
  return dir ? ['platform-root.pem', 'platform-sm2-root.pem'].map((name) => join(dir, name)).filter(existsSync) : [];
}

export async function runVerify(args: VerifyArgs, out: (s: string) => void): Promise<number> {
  const trustFiles = args.trust.length ? args.trust : defaultTrustPaths();
  const trustedRoots = trustFiles.flatMap((f) => fromPem(readFileSync(f, 'utf8')));
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(args.file);
  } catch {
    return fail(args, out, 'PDF_UNREADABLE', `无法读取文件 ${args.file}`);
  }
  const now = new Date();
  let report: VerificationReport;
  try {
    // An OFD (a zip) goes through the format port's verifier, which answers in the same report (decision 0175).
    report = sniffDocumentFormat(bytes) === 'ofd' ? await ofdVerifier.verify(bytes, { trustedRoots, now }) : await verifyPdf(bytes, { trustedRoots, now });
  } catch (e) {
    if (e instanceof PdfInputError || e instanceof DomainError) return fail(args, out, e.code, e.message);
    throw e;
  }
  const worded = wordReport(structuredClone(report));
  if (args.json) {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    out(JSON.stringify({ ...REPORT_SCHEMA, file: basename(args.file), sha256, size: bytes.length, verifiedAt: now.toISOString(), ...worded }, null, 2));
  } else out(formatReport(worded, trustFiles.length === 0));
  return EXIT[report.verdict];
}

function fail(args: VerifyArgs, out: (s: string) => void, code: string, message: string): number {
  out(
    args.json
      ? JSON.stringify({ ...REPORT_SCHEMA, file: basename(args.file), verdict: 'unreadable', error: { code, message }, signatures: [] }, null, 2)
      : `无法验证：${message}`,
  );
  return EXIT.unreadable;
}
