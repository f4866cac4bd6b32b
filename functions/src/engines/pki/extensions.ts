/** Key usage bits in RFC 5280 order (bit 0 first). */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

/** The URL where relying parties fetch the platform CRL: `<base>/v1/pki/crl`. */
export function crlUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/v1/pki/crl`;
}

/** The URL of the platform's OCSP responder (RFC 6960): `<base>/v1/pki/ocsp`; POST, or GET with the request appended. */
export function ocspUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/v1/pki/ocsp`;
}
