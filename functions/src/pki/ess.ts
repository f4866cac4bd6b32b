import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { sha256, toArrayBuffer } from './bytes';
import { parseCertificate } from './certificate';
import { readTlv, TAG } from './der';
import { algorithmOf, childrenOf, contentOf } from './der-values';

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035): binds the signature to the signer's
 * certificate by its SHA-256 hash, so the certificate cannot be swapped for another with the same key.
 * The hash algorithm is SHA-256, the DEFAULT, so it is left out (DER).
 */
export function signingCertificateV2Attribute(certificateDer: Uint8Array): pkijs.Attribute {
  const certificate = parseCertificate(certificateDer);
  const essCertId = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificateDer)) }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({ value: [new pkijs.GeneralName({ type: 4, value: certificate.issuer }).toSchema()] }),
          certificate.serialNumber,
        ],
      }),
    ],
  });
  const signingCertificate = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] });
  return new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificate] });
}

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
