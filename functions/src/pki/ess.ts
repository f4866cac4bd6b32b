import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { sha256, toArrayBuffer } from './bytes';
import { parseCertificate } from './certificate';

/** One ESSCertIDv2 as read back: which certificate the signer committed to. */
export interface EssCertId {
  hashAlgorithm: string;
  certHash: Uint8Array;
  serialNumber?: asn1js.Integer;
}

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

/** The ESSCertIDv2 entries of a signing-certificate-v2 attribute value; [] when it cannot be read. */
export function readSigningCertificateV2(value: unknown): EssCertId[] {
  if (!(value instanceof asn1js.Sequence)) return [];
  const certs = value.valueBlock.value[0];
  if (!(certs instanceof asn1js.Sequence)) return [];
  return certs.valueBlock.value.flatMap((item): EssCertId[] => {
    if (!(item instanceof asn1js.Sequence)) return [];
    const parts = [...item.valueBlock.value];
    let hashAlgorithm: string = OID.sha256;
    if (parts[0] instanceof asn1js.Sequence) hashAlgorithm = new pkijs.AlgorithmIdentifier({ schema: parts.shift() }).algorithmId;
    const hash = parts[0];
    if (!(hash instanceof asn1js.OctetString)) return [];
    const issuerSerial = parts[1];
    const serial = issuerSerial instanceof asn1js.Sequence ? issuerSerial.valueBlock.value[1] : undefined;
    return [
      {
        hashAlgorithm,
        certHash: hash.valueBlock.valueHexView.slice(),
        serialNumber: serial instanceof asn1js.Integer ? serial : undefined,
      },
    ];
  });
}
