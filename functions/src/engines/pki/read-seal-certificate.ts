import { OID } from './oids';
import { formatName, nameValue, type NameAttribute } from './names';
import { readNameDer } from './name-der';
import { viewCertificate } from './certificate-view';
import { crlUrlsIn, keyUsagesIn } from './read-extensions';
import { toHex } from './bytes';
import { PkiError } from './errors';

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

/**
 * Reads the seal profile fields back from a certificate (any certificate: absent fields are undefined).
 * Read from the DER directly: a verifier calls this for every signature it reports.
 */
export function readSealCertificate(der: Uint8Array): SealCertificateInfo {
  const certificate = viewCertificate(der);
  let subject: NameAttribute[];
  let issuer: NameAttribute[];
  try {
    subject = readNameDer(certificate.subject);
    issuer = readNameDer(certificate.issuer);
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '证书格式无法识别', { cause });
  }
  return {
    serialNumber: toHex(certificate.serialNumber).replace(/^(00)+(?=.)/, '') || '00',
    subject: formatName(subject),
    issuer: formatName(issuer),
    commonName: nameValue(subject, OID.commonName),
    companyName: nameValue(subject, OID.organization),
    creditCode: nameValue(subject, OID.organizationIdentifier),
    sealName: nameValue(subject, OID.organizationalUnit),
    sealKindLabel: nameValue(subject, OID.description),
    sealId: nameValue(subject, OID.serialNumber),
    holderName: nameValue(subject, OID.name),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    keyUsages: [...(keyUsagesIn(certificate) ?? [])],
    crlUrls: crlUrlsIn(certificate),
  };
}
