import { documentDto, wordReport } from '@seal/shared';
import { verifyPdf } from '../../engines/pdf/verify';
import { platformPki } from '../platform-pki/platform-ca';
import { revocationCheck } from '../platform-pki/revocation-check';
import type { Services } from '../../composition';
import { sha256Hex } from './load-document';
import { withPdfErrors } from '../../adapters/pdf-format/pdf-errors';
import { signatureOrigins } from './signature-origins';

/**
 * 免登录文档验证: the PDF engine's report with the platform's trust (its root; each signer
 * certificate's status from the platform's records at the signing time), plus, for each signature
 * whose certificate the platform issued, which company and seal signed it and the seal's image.
 * Input the engine cannot examine (not a PDF, encrypted, no signature) is a 4xx with its code.
 */
export async function verifyDocument(services: Services, bytes: Uint8Array, now: Date): Promise<documentDto.VerificationResult> {
  const pki = await platformPki(services);
  const revoked = revocationCheck(services);
  // The engine asks about each signer certificate that chains to the root: remember which.
  const certificates: Uint8Array[] = [];
  const report = await withPdfErrors(() =>
    verifyPdf(bytes, {
      trustedRoots: [pki.root],
      now,
      maxBytes: documentDto.MAX_DOCUMENT_BYTES,
      revocationsAt: (certificate, at) => {
        certificates.push(certificate);
        return revoked(certificate, at);
      },
    }),
  );
  const origins = await signatureOrigins(services, report.signatures, certificates);
  const worded = wordReport(structuredClone(report));
  return {
    ...worded,
    signatures: worded.signatures.map((s, i) => ({ ...s, ...origins[i]! })),
    sha256: sha256Hex(bytes),
    size: bytes.length,
    verifiedAt: now.toISOString(),
  };
}
