import { SEAL_KIND_LABELS, type SealKind } from '@seal/shared';
import { issueSealCertificate } from '../../engines/pki/seal-certificate';
import { readSealCertificate, type SealCertificateInfo } from '../../engines/pki/read-seal-certificate';
import { toPem } from '../../engines/pki/pem';
import type { Ports } from '../../ports';
import { platformPki } from './platform-ca';

export interface IssuedSealCertificate {
  der: Uint8Array;
  info: SealCertificateInfo;
}

/**
 * Issues a seal certificate for a credential's key under the platform root, signed through KMS:
 * company name and credit code, seal name and kind, holder name, signature key usage, and the
 * configured validity (one year by default). See docs/decisions/0005 (profile) and 0012.
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
  const pki = await platformPki(services);
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
  });
  return { der, info: readSealCertificate(der) };
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
