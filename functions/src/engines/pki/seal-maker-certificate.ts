import type { Signer } from './signer';
import { addYears, issueCertificate } from './issue-certificate';
import { authorityInfoAccessExtension, crlDistributionPointsExtension, keyUsageExtension } from './certificate-extensions';
import { viewCertificate } from './certificate-view';
import { DEFAULT_PLATFORM_NAME } from './root-ca';
import { OID } from './oids';

export interface SealMakerCertificateRequest {
  /** The issuing CA's key. */
  signer: Signer;
  caCertificate: Uint8Array;
  /** DER SubjectPublicKeyInfo of the seal-making key. */
  makerPublicKey: Uint8Array;
  organization?: string;
  commonName?: string;
  notBefore: Date;
  /** 10 years by default; never beyond the CA's expiry. */
  validityYears?: number;
  crlUrl: string;
  /** The OCSP responder's URL (Authority Information Access), where the hierarchy has one. */
  ocspUrl?: string;
  serialNumber?: Uint8Array | bigint;
}

/**
 * The seal maker's (制章者) certificate: the key that signs every seal's 印章数据 (GB/T 38540
 * SES_Seal). A signing certificate of the platform itself, issued by its root: keyUsage
 * digitalSignature + nonRepudiation (critical), no EKU (none exists for seal making), CRL
 * distribution point (decision 0076), and the OCSP responder when given (decision 0232).
 */
export async function issueSealMakerCertificate(request: SealMakerCertificateRequest): Promise<Uint8Array> {
  const ca = viewCertificate(request.caCertificate);
  const organization = request.organization ?? DEFAULT_PLATFORM_NAME;
  const wanted = addYears(request.notBefore, request.validityYears ?? 10);
  return issueCertificate({
    signer: request.signer,
    issuerCertificate: request.caCertificate,
    subject: [
      { type: OID.country, value: 'CN' },
      { type: OID.organization, value: organization },
      { type: OID.commonName, value: request.commonName ?? `${organization} 电子印章制章` },
    ],
    subjectPublicKey: request.makerPublicKey,
    notBefore: request.notBefore,
    notAfter: wanted < ca.notAfter ? wanted : ca.notAfter,
    serialNumber: request.serialNumber,
    extensions: [
      keyUsageExtension(['digitalSignature', 'nonRepudiation']),
      crlDistributionPointsExtension(request.crlUrl),
      ...(request.ocspUrl ? [authorityInfoAccessExtension(request.ocspUrl)] : []),
    ],
  });
}
