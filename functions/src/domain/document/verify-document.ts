import { MAX_DOCUMENT_BYTES, wordReport, type documentDto } from '@seal/shared';
import { platformRoot } from '../platform-pki/platform-root';
import { revocationCheck } from '../platform-pki/revocation-check';
import type { Ports } from '../../ports';
import type { DocumentVerifying } from '../../ports/document-format';
import { sha256Hex } from './load-document';
import { signatureOrigins } from './signature-origins';

/**
 * 免登录文档验证: the format's report (PDF today) with the platform's trust (its P-256 and SM2 roots; each signer
 * certificate's status from the platform's records at the signing time), plus, for each signature
 * whose certificate the platform issued, which company and seal signed it and the seal's image.
 * Input no format can examine (of no known format, unreadable, encrypted, no signature) is a 4xx with its code.
 */
export async function verifyDocument(
  services: Ports & DocumentVerifying,
  bytes: Uint8Array,
  now: Date,
): Promise<documentDto.VerificationResult> {
  // An SM2 seal's certificate chains to the SM2 root (decisions 0076, 0078).
  const roots = await Promise.all([platformRoot(services.store, 'root'), platformRoot(services.store, 'sm2-root')]);
  const revoked = revocationCheck(services);
  // The engine asks about each signer certificate that chains to the root: remember which.
  const certificates: Uint8Array[] = [];
  const report = await services.documentVerifiers.of(bytes).verify(bytes, {
    trustedRoots: roots,
    now,
    maxBytes: MAX_DOCUMENT_BYTES,
    revocationsAt: (certificate, at) => {
      certificates.push(certificate);
      return revoked(certificate, at);
    },
  });
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
