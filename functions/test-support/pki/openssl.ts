import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A scratch directory where tests write DER/PEM files and run the openssl command line on them. */
export class OpensslWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'pki-openssl-'));

  file(name: string, content: Uint8Array | string): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  /** Runs openssl; returns stdout+stderr and the exit status instead of throwing, so tests can assert refusals. */
  run(args: string[]): { status: number; output: string } {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    if (result.error) throw result.error;
    return { status: result.status ?? 1, output: `${result.stdout}${result.stderr}` };
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
