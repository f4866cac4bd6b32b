import { createTimestampToken, SM3_IMPRINT_ALGORITHM } from '../../engines/pki/timestamp-token';
import { timestampResponse } from '../../engines/pki/timestamp-response';
import type { Ports } from '../../ports';
import type { SignatureAlgorithmId } from '../../ports/signer';
import type { Timestamper } from '../../ports/document-format';
import { platformCaFor } from './platform-ca';

/**
 * An RFC 3161 timestamp token from the platform TSA (key in KMS) over a SHA-256 imprint: what
 * the signer passes to `signPdf` as `timestamp` (PAdES B-T). The token carries the TSA and root
 * certificates so a verifier needs nothing else. With `sm2-sm3` the SM2 TSA stamps an SM3 imprint
 * (an OFD seal signature's GB/T 38540 timestamp, decision 0195), so one root checks the whole signature.
 */
export async function timestampImprint(services: Ports, imprint: Uint8Array, algorithm: SignatureAlgorithmId = 'ecdsa-p256-sha256'): Promise<Uint8Array> {
  const pki = await platformCaFor(services, algorithm);
  return createTimestampToken({
    signer: pki.tsaSigner,
    tsaCertificate: pki.tsa,
    chain: [pki.root],
    messageImprint: imprint,
    ...(algorithm === 'sm2-sm3' ? { hashAlgorithm: SM3_IMPRINT_ALGORITHM } : {}),
    genTime: services.now(),
  });
}

/**
 * The platform TSA as a format's `Timestamper`, keeping which hierarchy's TSA made the signature's
 * token: the validation data must carry that TSA's certificate and status (decision 0251), and
 * the format, not the signer's key, decides it (an SM2 PDF is timestamped by the P-256 TSA).
 */
export function platformTimestamper(services: Ports): { timestamp: Timestamper; timestampedBy: () => SignatureAlgorithmId | undefined } {
  let used: SignatureAlgorithmId | undefined;
  return {
    timestamp: (imprint, algorithm = 'ecdsa-p256-sha256') => {
      used = algorithm;
      return timestampImprint(services, imprint, algorithm);
    },
    timestampedBy: () => used,
  };
}

/** The HTTP TSA: a DER TimeStampReq in, a DER TimeStampResp out (never throws for a bad request). */
export async function answerTimestampRequest(services: Ports, requestDer: Uint8Array, algorithm: SignatureAlgorithmId = 'ecdsa-p256-sha256'): Promise<Uint8Array> {
  const pki = await platformCaFor(services, algorithm);
  return timestampResponse(requestDer, { signer: pki.tsaSigner, tsaCertificate: pki.tsa, chain: [pki.root], now: services.now });
}
