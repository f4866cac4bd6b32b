import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREREQUISITES, installCommand } from '../../../scripts/prerequisites.mjs';
import { requireTools } from '../tools';

/** What the Bouncy Castle check found in one signature dictionary of a PDF (Gbt35275PdfCheck.java). */
export interface BouncyCastleVerdict {
  subFilter: string | null;
  contentInfoType?: string;
  contentType?: string;
  digestAlgorithm?: string;
  signatureAlgorithm?: string;
  digestMatches?: boolean;
  signatureValid?: boolean;
  signer?: string;
  valid: boolean;
  problems: string[];
}

const BCPROV = PREREQUISITES.find((p) => p.package === 'libbcprov-java')!;
const CHECKER = join(__dirname, 'Gbt35275PdfCheck.java');

/**
 * Checks every signature of `pdf` as a GB/T 35275 SM2 SignedData with Bouncy Castle from Debian's
 * libbcprov-java, in a Java source-file program: no code of the platform is in the check path.
 * Missing Java or Bouncy Castle fails the test, naming the package to install.
 */
export function bouncyCastleCheck(pdf: Uint8Array): BouncyCastleVerdict[] {
  requireTools('java');
  const jar = BCPROV.files!.find((file) => existsSync(file));
  if (!jar) throw new Error(`Bouncy Castle not found (${BCPROV.files!.join(', ')}): ${BCPROV.why}. Install: ${installCommand([BCPROV.package], { root: process.getuid?.() === 0 })}`);
  const dir = mkdtempSync(join(tmpdir(), 'bc-check-'));
  try {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const result = spawnSync('java', ['-cp', jar, CHECKER, file], { encoding: 'utf8' });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`the Bouncy Castle check failed to run: ${result.stderr}`);
    return result.stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as BouncyCastleVerdict);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
