import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCommand } from '../../scripts/prerequisites.mjs';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/**
 * A SoftHSM2 token store of its own in a temp directory, with the tokens initialized the way a
 * UKey issuer would (label, SO PIN, user PIN = the UKey password). `env` carries SOFTHSM2_CONF
 * for a client started as a child; set it in `process.env` before loading the module in-process
 * (SoftHSM2 reads it at C_Initialize).
 */
export function createSoftHsm(tokens: { label: string; password: string }[]) {
  if (!existsSync(SOFTHSM_MODULE)) {
    throw new Error(`${SOFTHSM_MODULE} not found: the UKey tests run on a SoftHSM2 token. Install: ${installCommand(['softhsm2', 'opensc'], { root: process.getuid?.() === 0 })}`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ukey-softhsm-'));
  mkdirSync(join(dir, 'tokens'));
  const conf = join(dir, 'softhsm2.conf');
  writeFileSync(
    conf,
    `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`,
  );
  const env = { ...process.env, SOFTHSM2_CONF: conf };
  for (const t of tokens) {
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', t.label, '--so-pin', '87654321', '--pin', t.password], {
      env,
      stdio: 'ignore',
    });
  }
  return { dir, conf, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
