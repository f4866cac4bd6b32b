import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate } from './asn1parse';
import type { GmOpenssl } from './openssl';

/** SEQUENCE { OID 1.2.156.10197.1.501 } (SM2-with-SM3, parameters absent, as GB/T 20518 and OpenSSL write it). */
export const SM2_WITH_SM3_ALGORITHM_HEX = '300a06082a811ccf55018375';

/**
 * An SM2 OCSP answer's signature checked by OpenSSL alone (decision 0231): asn1parse cuts the
 * BasicOCSPResponse out of the OCSPResponse, then its tbsResponseData, signatureAlgorithm and
 * signature; `openssl pkeyutl -verify -pkeyopt distid:<id>` checks the signature with the key of the
 * responder certificate. OpenSSL 3's own `openssl ocsp` passes no distinguishing ID to SM2 and so
 * cannot verify these answers. `change` alters the signed bytes first (to show the check can fail).
 */
export function sm2OcspAnswerVerifies(
  openssl: GmOpenssl,
  name: string,
  response: Uint8Array,
  responderCertificate: Uint8Array,
  distinguishingId: string,
  change?: (tbs: Uint8Array) => void,
): { algorithmHex: string; verified: boolean } {
  const outer = asn1Tree(openssl, openssl.file(`${name}.der`, response));
  const basic = content(response, at(outer, [1, 0, 1]));
  const tree = asn1Tree(openssl, openssl.file(`${name}.basic.der`, basic));
  const tbs = element(basic, at(tree, [0])).slice();
  change?.(tbs);
  return {
    algorithmHex: Buffer.from(element(basic, at(tree, [1]))).toString('hex'),
    verified: opensslVerifiesWithCertificate(openssl, name, responderCertificate, tbs, bits(basic, at(tree, [2])), distinguishingId),
  };
}
