/** Reading the ESS signing-certificate (RFC 2634) and -v2 (RFC 5035) attributes; writing v2: signing-certificate-v2.ts. */
import { OID } from './oids';
import { readTlv, TAG } from './der';
import { algorithmOf, childrenOf, contentOf } from './der-values';

/** One ESSCertIDv2 as read back: which certificate the signer committed to. */
export interface EssCertId {
  hashAlgorithm: string;
  certHash: Uint8Array;
}

/**
 * The ESSCertIDv2 entries of a signing-certificate-v2 attribute value (its DER), read with the DER
 * reader; [] when it cannot be read. SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 {
 * hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }, policies OPTIONAL }.
 */
export function readSigningCertificateV2(value: Uint8Array | undefined): EssCertId[] {
  if (!value) return [];
  try {
    const [certs] = childrenOf(value, readTlv(value, 0), TAG.sequence);
    return childrenOf(value, certs, TAG.sequence).flatMap((item): EssCertId[] => {
      const parts = childrenOf(value, item, TAG.sequence);
      const hashAlgorithm = parts[0]?.tag === TAG.sequence ? algorithmOf(value, parts.shift()) : OID.sha256;
      const hash = parts[0];
      return hash?.tag === TAG.octetString ? [{ hashAlgorithm, certHash: contentOf(value, hash).slice() }] : [];
    });
  } catch {
    return [];
  }
}

/**
 * The ESSCertID entries of a signing-certificate (v1) attribute value: SigningCertificate { certs
 * SEQUENCE OF ESSCertID { certHash OCTET STRING (SHA-1), issuerSerial OPTIONAL }, policies OPTIONAL }.
 * Timestamp authorities elsewhere still use v1; [] when it cannot be read.
 */
export function readSigningCertificateV1(value: Uint8Array | undefined): EssCertId[] {
  if (!value) return [];
  try {
    const [certs] = childrenOf(value, readTlv(value, 0), TAG.sequence);
    return childrenOf(value, certs, TAG.sequence).flatMap((item): EssCertId[] => {
      const [hash] = childrenOf(value, item, TAG.sequence);
      return hash?.tag === TAG.octetString ? [{ hashAlgorithm: OID.sha1, certHash: contentOf(value, hash).slice() }] : [];
    });
  } catch {
    return [];
  }
}

/** Every certificate a signer committed to by hash, from either attribute (v2 first). */
export function essCertIds(attributes: Map<string, Uint8Array[]>): EssCertId[] {
  return [
    ...readSigningCertificateV2(attributes.get(OID.signingCertificateV2)?.[0]),
    ...readSigningCertificateV1(attributes.get(OID.signingCertificate)?.[0]),
  ];
}
