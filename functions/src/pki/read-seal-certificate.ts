import { OID } from './oids';
import { formatName, nameValue, readName } from './names';
import { crlDistributionUrlsOf, keyUsagesOf, parseCertificate, serialHex } from './certificate';

/** What a verifier shows about a seal certificate. */
export interface SealCertificateInfo {
  serialNumber: string;
  subject: string;
  issuer: string;
  commonName?: string;
  companyName?: string;
  creditCode?: string;
  sealName?: string;
  sealKindLabel?: string;
  sealId?: string;
  holderName?: string;
  notBefore: Date;
  notAfter: Date;
  keyUsages: string[];
  crlUrls: string[];
}

/** Reads the seal profile fields back from a certificate (any certificate: absent fields are undefined). */
export function readSealCertificate(der: Uint8Array): SealCertificateInfo {
  const certificate = parseCertificate(der);
  const subject = readName(certificate.subject);
  return {
    serialNumber: serialHex(certificate.serialNumber),
    subject: formatName(subject),
    issuer: formatName(readName(certificate.issuer)),
    commonName: nameValue(subject, OID.commonName),
    companyName: nameValue(subject, OID.organization),
    creditCode: nameValue(subject, OID.organizationIdentifier),
    sealName: nameValue(subject, OID.organizationalUnit),
    sealKindLabel: nameValue(subject, OID.description),
    sealId: nameValue(subject, OID.serialNumber),
    holderName: nameValue(subject, OID.name),
    notBefore: certificate.notBefore.value,
    notAfter: certificate.notAfter.value,
    keyUsages: [...(keyUsagesOf(certificate) ?? [])],
    crlUrls: crlDistributionUrlsOf(certificate),
  };
}
