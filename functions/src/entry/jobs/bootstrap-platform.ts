import { getServices } from '../../composition';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { logEvent } from '../../config/logger';
import { bootstrapPlatformPki } from '../../domain/platform-pki/platform-ca';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';

export interface BootstrapReport {
  root: { serial: string; notAfter: string };
  tsa: { serial: string; notAfter: string };
}

/**
 * The platform bootstrap, run once per deployment by the CDK stack (a trigger after the table and
 * keys exist) and by the local stack at start: the root CA and TSA certificates, issued with the
 * KMS-held keys. Requests only read them (decision 0029): none of them ever pays for, or races, this.
 * Idempotent: a second run finds what the first made.
 */
export async function handler(): Promise<BootstrapReport> {
  await loadRuntimeSecrets();
  const pki = await bootstrapPlatformPki(getServices());
  const facts = (der: Uint8Array) => {
    const info = readSealCertificate(der);
    return { serial: info.serialNumber, notAfter: info.notAfter.toISOString() };
  };
  const report = { root: facts(pki.root), tsa: facts(pki.tsa) };
  logEvent('info', 'platform bootstrap', report);
  return report;
}
