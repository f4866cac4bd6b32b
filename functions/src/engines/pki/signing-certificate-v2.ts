/**
 * The ESS signing-certificate-v2 attribute (RFC 5035 §3), written with asn1-schema classes defined
 * here: no @peculiar package has them.
 * The decorators are applied as plain calls because the project compiles without
 * `experimentalDecorators` (asn1-schema's decorators are the legacy kind).
 */
import { AsnIntegerArrayBufferConverter, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralName, GeneralNames, type Name } from '@peculiar/asn1-x509';
import { viewCertificate } from './certificate-view';
import { derOf, rawDer } from './schema';
import { sha256, toArrayBuffer } from './bytes';

/** IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber } */
export class EssIssuerSerial {
  issuer = new GeneralNames();
  serialNumber = new ArrayBuffer(0);
  constructor(params: Partial<EssIssuerSerial> = {}) {
    Object.assign(this, params);
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(EssIssuerSerial);
AsnProp({ type: GeneralNames })(EssIssuerSerial.prototype, 'issuer');
AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(EssIssuerSerial.prototype, 'serialNumber');

/** ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT {id-sha256}, certHash OCTET STRING, issuerSerial OPTIONAL } */
export class EssCertIdV2 {
  /** Absent means SHA-256, the DEFAULT, which DER leaves out. */
  hashAlgorithm?: AlgorithmIdentifier;
  certHash = new OctetString();
  issuerSerial?: EssIssuerSerial;
  constructor(params: Partial<EssCertIdV2> = {}) {
    Object.assign(this, params);
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(EssCertIdV2);
AsnProp({ type: AlgorithmIdentifier, optional: true })(EssCertIdV2.prototype, 'hashAlgorithm');
AsnProp({ type: OctetString })(EssCertIdV2.prototype, 'certHash');
AsnProp({ type: EssIssuerSerial, optional: true })(EssCertIdV2.prototype, 'issuerSerial');

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies OPTIONAL } */
export class SigningCertificateV2 {
  certs: EssCertIdV2[] = [];
  constructor(params: Partial<SigningCertificateV2> = {}) {
    Object.assign(this, params);
  }
}
AsnType({ type: AsnTypeTypes.Sequence })(SigningCertificateV2);
AsnProp({ type: EssCertIdV2, repeated: 'sequence' })(SigningCertificateV2.prototype, 'certs');

/**
 * The ESS signing-certificate-v2 attribute value (RFC 5035), DER: binds a signature to the signer's
 * certificate by its SHA-256 hash, so the certificate cannot be swapped for another with the same
 * key. The hash algorithm is SHA-256, the DEFAULT, so it is left out (DER).
 */
export function signingCertificateV2(certificateDer: Uint8Array): Uint8Array {
  const certificate = viewCertificate(certificateDer);
  const issuerSerial = new EssIssuerSerial({
    issuer: new GeneralNames([new GeneralName({ directoryName: rawDer<Name>(certificate.issuer) })]),
    serialNumber: toArrayBuffer(certificate.serialNumber),
  });
  const certId = new EssCertIdV2({ certHash: new OctetString(sha256(certificateDer)), issuerSerial });
  return derOf(new SigningCertificateV2({ certs: [certId] }));
}
