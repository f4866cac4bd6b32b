import type { Signer } from './signer';
import { OID } from './oids';
import type { NameAttribute } from './names';
import { crlUrl } from './extensions';
import { authorityInfoAccessExtension, crlDistributionPointsExtension, extKeyUsageExtension, keyUsageExtension } from './certificate-extensions';
import { addYears, issueCertificate } from './issue-certificate';
import { viewCertificate } from './certificate-view';
import { PkiError } from './errors';

export interface SealCertificateRequest {
  /** The issuing CA's key (the root's KMS key in production). */
  signer: Signer;
  /** DER of the issuing CA certificate. */
  caCertificate: Uint8Array;
  /** DER SubjectPublicKeyInfo of the credential's key. */
  subjectPublicKey: Uint8Array;
  company: { name: string; creditCode: string };
  /** `name` as the seal shows it (合同专用章, or a custom seal's name); `kindLabel` from SEAL_KIND_LABELS. */
  seal: { name: string; kindLabel: string; id?: string };
  /** The person who claimed the seal. Only the name: an ID number never goes into a certificate. */
  holder: { name: string };
  notBefore: Date;
  /** One year by default; never beyond the CA's own expiry. */
  validityYears?: number;
  /** Public base URL of the platform API; the CRL is at `<base>/v1/pki/crl`. */
  publicBaseUrl: string;
  /** The CRL's URL when it is not `<base>/v1/pki/crl` (the SM2 hierarchy's CRL). */
  crlUrl?: string;
  /**
   * Extended key usages. None by default: NSS (poppler's pdfsig) checks PDF signers for the
   * e-mail-signer usage, which an EKU without id-kp-emailProtection would fail. See SEAL_SIGNING_EKU.
   */
  extendedKeyUsage?: string[];
  /** The OCSP responder's URL (`<base>/v1/pki/ocsp`), written as Authority Information Access; none when absent. */
  ocspUrl?: string;
  serialNumber?: Uint8Array | bigint;
}

/** An EKU list that keeps NSS/poppler and Adobe validation working, for deployments that want one. */
export const SEAL_SIGNING_EKU: readonly string[] = [OID.kpEmailProtection, OID.kpDocumentSigning];

/**
 * The seal certificate profile (docs/decisions/0005):
 *   C=CN, O=<company>, organizationIdentifier=<统一社会信用代码>, OU=<seal name>,
 *   description=<seal kind label>, serialNumber=<seal id>, name=<holder name>, CN=<company> <seal name>
 * keyUsage digitalSignature + nonRepudiation (critical), SKI/AKI, CRL distribution point, OCSP (AIA) when given.
 */
export function sealSubject(request: Pick<SealCertificateRequest, 'company' | 'seal' | 'holder'>): NameAttribute[] {
  const { company, seal, holder } = request;
  if (!company.name.trim() || !seal.name.trim() || !holder.name.trim())
    throw new PkiError('PKI_BAD_INPUT', 'company, seal and holder names are required');
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(company.creditCode))
    throw new PkiError('PKI_BAD_INPUT', 'the unified social credit code must be 18 characters');
  return [
    { type: OID.country, value: 'CN' },
    { type: OID.organization, value: company.name },
    { type: OID.organizationIdentifier, value: company.creditCode },
    { type: OID.organizationalUnit, value: seal.name },
    { type: OID.description, value: seal.kindLabel },
    ...(seal.id ? [{ type: OID.serialNumber, value: seal.id }] : []),
    { type: OID.name, value: holder.name },
    { type: OID.commonName, value: `${company.name} ${seal.name}` },
  ];
}

export async function issueSealCertificate(request: SealCertificateRequest): Promise<Uint8Array> {
  const ca = viewCertificate(request.caCertificate);
  const wanted = addYears(request.notBefore, request.validityYears ?? 1);
  const caExpiry = ca.notAfter;
  const extensions = [
    keyUsageExtension(['digitalSignature', 'nonRepudiation']),
    crlDistributionPointsExtension(request.crlUrl ?? crlUrl(request.publicBaseUrl)),
  ];
  if (request.ocspUrl) extensions.push(authorityInfoAccessExtension(request.ocspUrl));
  if (request.extendedKeyUsage?.length) extensions.push(extKeyUsageExtension(request.extendedKeyUsage, false));
  return issueCertificate({
    signer: request.signer,
    issuerCertificate: request.caCertificate,
    subject: sealSubject(request),
    subjectPublicKey: request.subjectPublicKey,
    notBefore: request.notBefore,
    notAfter: wanted < caExpiry ? wanted : caExpiry,
    serialNumber: request.serialNumber,
    extensions,
  });
}
