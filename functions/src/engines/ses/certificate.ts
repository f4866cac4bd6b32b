import { AsnConvert, AsnParser } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { OID } from '../pki/oids';

/** What the seal checks need from a certificate: its public key and validity. Chains and revocation are the PKI's. */
export interface CertificateFacts {
  der: Uint8Array;
  /** DER SubjectPublicKeyInfo. */
  spki: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  subjectCommonName?: string;
  serialNumberHex: string;
}

/** Undefined when the bytes are not an X.509 certificate. */
export function certificateFacts(der: Uint8Array): CertificateFacts | undefined {
  let certificate: Certificate;
  try {
    certificate = AsnParser.parse(der, Certificate);
  } catch {
    return undefined;
  }
  const tbs = certificate.tbsCertificate;
  const commonName = tbs.subject
    .flatMap((set) => [...set])
    .find((attribute) => attribute.type === OID.commonName)
    ?.value.toString();
  return {
    der,
    spki: new Uint8Array(AsnConvert.serialize(tbs.subjectPublicKeyInfo)),
    notBefore: tbs.validity.notBefore.getTime(),
    notAfter: tbs.validity.notAfter.getTime(),
    ...(commonName === undefined ? {} : { subjectCommonName: commonName }),
    serialNumberHex: Buffer.from(tbs.serialNumber).toString('hex'),
  };
}
