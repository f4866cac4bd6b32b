import { composePorts, getServices } from '../../composition';
import { platformKeys } from '../../composition/platform-keys';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { logEvent } from '../../config/logger';
import { bootstrapPlatformPki } from '../../domain/platform-pki/platform-ca';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';

interface CertificateFacts {
  serial: string;
  notAfter: string;
}

export interface BootstrapReport {
  root: CertificateFacts;
  tsa: CertificateFacts;
  sm2Root: CertificateFacts;
  sm2Tsa: CertificateFacts;
  sealMaker: CertificateFacts;
}

/**
 * The platform bootstrap, run once per deployment by the CDK stack (a trigger after the table and
 * keys exist) and by the local stack at start: the P-256 root CA and TSA certificates and the SM2
 * root CA, TSA and seal maker (decision 0076), issued with the KMS-held keys. Requests only read them (decision 0029): none of them ever pays for, or races, this.
 * Idempotent: a second run finds what the first made.
 */
export async function handler(): Promise<BootstrapReport> {
  await loadRuntimeSecrets();
  const { p256, sm2 } = await bootstrapPlatformPki(composePorts(getServices(), [platformKeys]));
  const facts = (der: Uint8Array) => {
    const info = readSealCertificate(der);
    return { serial: info.serialNumber, notAfter: info.notAfter.toISOString() };
  };
  const report = { root: facts(p256.root), tsa: facts(p256.tsa), sm2Root: facts(sm2.root), sm2Tsa: facts(sm2.tsa), sealMaker: facts(sm2.sealMaker) };
  logEvent('info', 'platform bootstrap', report);
  return report;
}
