import type { Signer } from './signer';
import { OID } from './oids';
import type { NameAttribute } from './names';
import { basicConstraintsExtension, keyUsageExtension } from './certificate-extensions';
import { addYears, issueCertificate } from './issue-certificate';

export interface RootCaOptions {
  /** The root key (KMS in production). */
  signer: Signer;
  /** Defaults to 深圳市统一电子印章平台. */
  organization?: string;
  /** Defaults to `<organization> 根CA`. */
  commonName?: string;
  notBefore: Date;
  /** Validity in years; 20 by default. */
  validityYears?: number;
  serialNumber?: Uint8Array | bigint;
}

export const DEFAULT_PLATFORM_NAME = '深圳市统一电子印章平台';

/**
 * The platform root: self-signed, CA, may sign certificates and CRLs. No path length limit is set
 * so the platform can add an issuing CA later without a new root.
 */
export async function createRootCertificate(options: RootCaOptions): Promise<Uint8Array> {
  const organization = options.organization ?? DEFAULT_PLATFORM_NAME;
  const subject: NameAttribute[] = [
    { type: OID.country, value: 'CN' },
    { type: OID.organization, value: organization },
    { type: OID.commonName, value: options.commonName ?? `${organization} 根CA` },
  ];
  return issueCertificate({
    signer: options.signer,
    subject,
    subjectPublicKey: await options.signer.publicKeySpki(),
    notBefore: options.notBefore,
    notAfter: addYears(options.notBefore, options.validityYears ?? 20),
    serialNumber: options.serialNumber,
    extensions: [basicConstraintsExtension(true), keyUsageExtension(['keyCertSign', 'cRLSign'])],
  });
}
