import { SEAL_KIND_LABELS, type SealKind } from '@seal/shared';
import { issueSealCertificate } from '../../engines/pki/seal-certificate';
import { readSealCertificate, type SealCertificateInfo } from '../../engines/pki/read-seal-certificate';
import { toPem } from '../../engines/pki/pem';
import { algorithmOfKey } from '../../engines/pki/algorithms';
import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import { platformCaFor } from './platform-ca';

export interface IssuedSealCertificate {
  der: Uint8Array;
  info: SealCertificateInfo;
  /** The CA that issued it, by its CRL's name (the certificate record keeps it). */
  issuer: string;
}

/**
 * Issues a seal certificate for a credential's key under the platform root of the key's algorithm
 * (P-256 or SM2), signed through KMS: company name and credit code, seal name and kind, holder
 * name, signature key usage, and the configured validity (one year by default). See
 * docs/decisions/0005 (profile), 0012 and 0076 (the SM2 hierarchy, GB/T 20518).
 */
export async function issueCredentialCertificate(
  services: Ports,
  request: {
    company: { name: string; creditCode: string };
    seal: { sealId: string; name: string; kind: SealKind };
    holderName: string;
    publicKeySpki: Uint8Array;
    now: Date;
  },
): Promise<IssuedSealCertificate> {
  const algorithm = algorithmOfKey(request.publicKeySpki);
  if (!algorithm) throw new DomainError('INTERNAL', 'a credential key of no algorithm the platform signs with');
  const pki = await platformCaFor(services, algorithm);
  const der = await issueSealCertificate({
    signer: pki.rootSigner,
    caCertificate: pki.root,
    subjectPublicKey: request.publicKeySpki,
    company: request.company,
    seal: { name: request.seal.name, kindLabel: SEAL_KIND_LABELS[request.seal.kind], id: request.seal.sealId },
    holder: { name: request.holderName },
    notBefore: request.now,
    validityYears: services.config.SEAL_CERTIFICATE_VALIDITY_YEARS,
    publicBaseUrl: services.config.PUBLIC_BASE_URL,
    crlUrl: pki.crlUrl,
    // Authority Information Access where the hierarchy has a responder (P-256; decision 0190).
    ...(pki.ocspUrl ? { ocspUrl: pki.ocspUrl } : {}),
  });
  return { der, info: readSealCertificate(der), issuer: pki.crlIssuer };
}

/** The certificate as the API shows it ("证书下载成功!"). */
export function certificateView(der: Uint8Array) {
  const info = readSealCertificate(der);
  return {
    serialNumber: info.serialNumber,
    subject: info.subject,
    issuer: info.issuer,
    companyName: info.companyName,
    creditCode: info.creditCode,
    sealName: info.sealName,
    holderName: info.holderName,
    notBefore: info.notBefore.toISOString(),
    notAfter: info.notAfter.toISOString(),
    pem: toPem(der),
  };
}
