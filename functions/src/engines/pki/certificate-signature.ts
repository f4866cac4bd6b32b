import { verify } from 'node:crypto';
import { publicKeyOf } from './public-key';
import type { CertificateView } from './certificate-view';
import { nodeSignatureAlgorithm, PSS_PADDING } from './signature-algorithms';
import { algorithmByIdentifier } from './algorithms';
import { bytesEqual } from './bytes';

/**
 * Whether `issuer`'s key signed `certificate`: over the exact tbsCertificate bytes, with the
 * algorithm named outside the TBS, which must equal the one inside it (RFC 5280 §4.1.1.2).
 * An algorithm the platform signs with is checked as its table entry says (algorithms.ts), so an
 * SM2 certificate verifies where its entry is; others as node:crypto (OpenSSL) does them
 * (signature-algorithms.ts; an ECDSA P-256 signature takes ~0.1 ms). Anything else does not verify.
 */
export async function issuerSigned(certificate: CertificateView, issuer: CertificateView): Promise<boolean> {
  if (!bytesEqual(certificate.signatureAlgorithm, certificate.tbsSignatureAlgorithm)) return false;
  const platform = algorithmByIdentifier(certificate.signatureAlgorithm);
  if (platform?.holdsKey(issuer.subjectPublicKeyInfo))
    return platform.verify(certificate.tbs, certificate.signature, issuer.subjectPublicKeyInfo);
  try {
    const algorithm = nodeSignatureAlgorithm(certificate.signatureAlgorithm);
    if (!algorithm) return false;
    const key = publicKeyOf(issuer.subjectPublicKeyInfo);
    if (!algorithm.keyTypes.includes(key.asymmetricKeyType ?? '')) return false;
    const options = algorithm.pss
      ? { key, padding: PSS_PADDING, saltLength: algorithm.pss.saltLength }
      : algorithm.dsaEncoding
        ? { key, dsaEncoding: algorithm.dsaEncoding }
        : key;
    return verify(algorithm.hash, certificate.tbs, options, certificate.signature);
  } catch {
    return false;
  }
}
