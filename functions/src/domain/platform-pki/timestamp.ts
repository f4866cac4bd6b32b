import { createTimestampToken } from '../../engines/pki/timestamp-token';
import { timestampResponse } from '../../engines/pki/timestamp-response';
import type { Ports } from '../../ports';
import { platformPki } from './platform-ca';

/**
 * An RFC 3161 timestamp token from the platform TSA (key in KMS) over a SHA-256 imprint: what
 * the signer passes to `signPdf` as `timestamp` (PAdES B-T). The token carries the TSA and root
 * certificates so a verifier needs nothing else.
 */
export async function timestampImprint(services: Ports, imprint: Uint8Array): Promise<Uint8Array> {
  const pki = await platformPki(services);
  return createTimestampToken({
    signer: pki.tsaSigner,
    tsaCertificate: pki.tsa,
    chain: [pki.root],
    messageImprint: imprint,
    genTime: services.now(),
  });
}

/** The HTTP TSA: a DER TimeStampReq in, a DER TimeStampResp out (never throws for a bad request). */
export async function answerTimestampRequest(services: Ports, requestDer: Uint8Array): Promise<Uint8Array> {
  const pki = await platformPki(services);
  return timestampResponse(requestDer, { signer: pki.tsaSigner, tsaCertificate: pki.tsa, chain: [pki.root], now: services.now });
}
