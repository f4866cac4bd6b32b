/** Reading the ESS signing-certificate-v2 attribute (RFC 5035); writing it: signing-certificate-v2.ts. */
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
