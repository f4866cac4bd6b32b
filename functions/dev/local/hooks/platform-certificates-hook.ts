import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toPem } from '../../../src/engines/pki/pem';
import type { StartupHook } from '../startup-hooks';
import { bootstrapPlatformPki } from '../../../src/domain/platform-pki/platform-ca';

/**
 * Local runs: the platform bootstrap (keys; the P-256 root CA and TSA; the SM2 root CA, TSA and seal
 * maker), and write the roots to `<dataDir>/pki/`: `platform-root.pem` is what `seal verify` trusts
 * by default; the SM2 files are for `openssl verify`. Idempotent.
 */
export const platformCertificatesHook: StartupHook = {
  name: 'platform certificates (P-256 and SM2 root CA, TSA, seal maker) → pki/',
  async run(services, { dataDir }) {
    const { p256, sm2 } = await bootstrapPlatformPki(services);
    const dir = path.join(dataDir, 'pki');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'platform-root.pem'), toPem(p256.root));
    writeFileSync(path.join(dir, 'platform-tsa.pem'), toPem(p256.tsa));
    writeFileSync(path.join(dir, 'platform-sm2-root.pem'), toPem(sm2.root));
    writeFileSync(path.join(dir, 'platform-sm2-tsa.pem'), toPem(sm2.tsa));
    writeFileSync(path.join(dir, 'seal-maker.pem'), toPem(sm2.sealMaker));
  },
};
