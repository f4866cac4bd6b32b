import type { Signer } from './signer';
import { OID } from './oids';
import { DEFAULT_PLATFORM_NAME } from './root-ca';
import { extKeyUsageExtension, keyUsageExtension, ocspNoCheckExtension } from './certificate-extensions';
import { addYears, issueCertificate } from './issue-certificate';
import { viewCertificate } from './certificate-view';

export interface OcspResponderCertificateRequest {
  /** The issuing CA's key: a responder answers for the CA that certified it (RFC 6960 §4.2.2.2). */
  signer: Signer;
  caCertificate: Uint8Array;
  /** DER SubjectPublicKeyInfo of the responder key (a KMS key in production). */
  responderPublicKey: Uint8Array;
  organization?: string;
  commonName?: string;
  notBefore: Date;
  /** Short on purpose: ocsp-nocheck means nobody checks it, so its life is the only limit (RFC 6960 §4.2.2.2.1). */
  validityYears?: number;
  serialNumber?: Uint8Array | bigint;
}

/**
 * A delegated OCSP responder certificate: EKU id-kp-OCSPSigning (critical, alone), keyUsage
 * digitalSignature, and id-pkix-ocsp-nocheck so a relying party does not ask the responder about itself.
 */
export async function issueOcspResponderCertificate(request: OcspResponderCertificateRequest): Promise<Uint8Array> {
  const ca = viewCertificate(request.caCertificate);
  const organization = request.organization ?? DEFAULT_PLATFORM_NAME;
  const wanted = addYears(request.notBefore, request.validityYears ?? 2);
  return issueCertificate({
    signer: request.signer,
    issuerCertificate: request.caCertificate,
    subject: [
      { type: OID.country, value: 'CN' },
      { type: OID.organization, value: organization },
      { type: OID.commonName, value: request.commonName ?? `${organization} OCSP响应服务` },
    ],
    subjectPublicKey: request.responderPublicKey,
    notBefore: request.notBefore,
    notAfter: wanted < ca.notAfter ? wanted : ca.notAfter,
    serialNumber: request.serialNumber,
    extensions: [keyUsageExtension(['digitalSignature']), extKeyUsageExtension([OID.kpOcspSigning], true), ocspNoCheckExtension()],
  });
}
