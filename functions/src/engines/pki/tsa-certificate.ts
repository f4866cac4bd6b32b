import type { Signer } from './signer';
import { OID } from './oids';
import { DEFAULT_PLATFORM_NAME } from './root-ca';
import { crlUrl } from './extensions';
import { authorityInfoAccessExtension, crlDistributionPointsExtension, extKeyUsageExtension, keyUsageExtension } from './certificate-extensions';
import { addYears, issueCertificate } from './issue-certificate';
import { viewCertificate } from './certificate-view';

export interface TsaCertificateRequest {
  /** The issuing CA's key. */
  signer: Signer;
  caCertificate: Uint8Array;
  /** DER SubjectPublicKeyInfo of the TSA key (a KMS key in production). */
  tsaPublicKey: Uint8Array;
  organization?: string;
  commonName?: string;
  notBefore: Date;
  /** 10 years by default; never beyond the CA's expiry. */
  validityYears?: number;
  publicBaseUrl?: string;
  /** The CRL's URL when it is not `<base>/v1/pki/crl`. */
  crlUrl?: string;
  /** The OCSP responder's URL (`<base>/v1/pki/ocsp`), written as Authority Information Access; none when absent. */
  ocspUrl?: string;
  serialNumber?: Uint8Array | bigint;
}

/** RFC 3161 §2.3: the TSA certificate has exactly one EKU, id-kp-timeStamping, critical. */
export async function issueTsaCertificate(request: TsaCertificateRequest): Promise<Uint8Array> {
  const ca = viewCertificate(request.caCertificate);
  const organization = request.organization ?? DEFAULT_PLATFORM_NAME;
  const wanted = addYears(request.notBefore, request.validityYears ?? 10);
  const extensions = [keyUsageExtension(['digitalSignature', 'nonRepudiation']), extKeyUsageExtension([OID.kpTimeStamping], true)];
  if (request.publicBaseUrl) extensions.push(crlDistributionPointsExtension(request.crlUrl ?? crlUrl(request.publicBaseUrl)));
  if (request.ocspUrl) extensions.push(authorityInfoAccessExtension(request.ocspUrl));
  return issueCertificate({
    signer: request.signer,
    issuerCertificate: request.caCertificate,
    subject: [
      { type: OID.country, value: 'CN' },
      { type: OID.organization, value: organization },
      { type: OID.commonName, value: request.commonName ?? `${organization} 时间戳服务` },
    ],
    subjectPublicKey: request.tsaPublicKey,
    notBefore: request.notBefore,
    notAfter: wanted < ca.notAfter ? wanted : ca.notAfter,
    serialNumber: request.serialNumber,
    extensions,
  });
}
