import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPem } from '../../../src/engines/pki/pem';
import type { StartupHook } from '../startup-hooks';
import { bootstrapPlatformPki } from '../../../src/domain/platform-pki/platform-ca';

/**
 * Local runs: the platform bootstrap (keys, root CA and TSA certificates), and write the root to
 * `<dataDir>/pki/platform-root.pem`, which `seal verify` trusts by default. Idempotent.
 */
export const platformCertificatesHook: StartupHook = {
  name: 'platform certificates (root CA, TSA) → pki/platform-root.pem',
  async run(services, { dataDir }) {
    const pki = await bootstrapPlatformPki(services);
    const dir = path.join(dataDir, 'pki');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'platform-root.pem'), toPem(pki.root));
    writeFileSync(path.join(dir, 'platform-tsa.pem'), toPem(pki.tsa));
  },
};
