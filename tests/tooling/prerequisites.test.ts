import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PREREQUISITES, installCommand, missingPrerequisites, onPath, packagesFor } from '../../scripts/prerequisites.mjs';

const root = path.resolve(__dirname, '../..');

/** The check as `npm test` runs it, with PATH chosen by the test; `--no-install` so nothing is installed. */
function check(searchPath: string) {
  return spawnSync(process.execPath, ['scripts/check-prerequisites.mjs', '--no-install'], {
    cwd: root,
    env: { ...process.env, PATH: searchPath },
    encoding: 'utf8',
  });
}

describe('the system prerequisites check (first step of npm test and .ci/run)', () => {
  let bin: string;
  beforeAll(() => {
    // A PATH holding every listed command of this machine but pdfsig: poppler-utils is "missing".
    bin = mkdtempSync(path.join(os.tmpdir(), 'prerequisites-'));
    for (const { command } of PREREQUISITES) {
      if (!command || command === 'pdfsig') continue;
      const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim();
      if (found) symlinkSync(found, path.join(bin, command));
    }
  });
  afterAll(() => rmSync(bin, { recursive: true, force: true }));

  it('passes on this machine (npm test has just checked it)', () => {
    const run = check(process.env.PATH ?? '');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^system prerequisites: all present/);
    expect(run.status).toBe(0);
  });

  it('stops on its first line with the exact apt-get command when pdfsig is missing, and installs nothing', () => {
    const run = check(bin);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const [first, ...rest] = run.stderr.split('\n');
    expect(first).toMatch(/^Missing system packages\. Run: (sudo )?apt-get install -y --no-install-recommends poppler-utils$/);
    expect(rest.join('\n')).toContain('pdfsig (poppler-utils): pdfsig judges the platform’s signatures independently');
  });

  it('names every missing package once, with sudo unless root', () => {
    const list = [
      { package: 'poppler-utils', command: 'pdfsig-absent-here', why: 'a' },
      { package: 'poppler-utils', command: 'pdftoppm-absent-here', why: 'b' },
      { package: 'fonts-wqy-microhei', files: ['/nowhere/a.ttc', '/nowhere/b.ttc'], why: 'c' },
      { package: 'softhsm2', files: ['/nowhere/softhsm.so', '/present.so'], why: 'd' },
      { package: 'sh', command: 'sh', why: 'e' },
    ];
    const missing = missingPrerequisites(list, { searchPath: '/bin:/usr/bin', exists: (f) => f === '/present.so' });
    expect(missing.map((p) => p.why)).toEqual(['a', 'b', 'c']);
    expect(packagesFor(missing)).toEqual(['poppler-utils', 'fonts-wqy-microhei']);
    expect(installCommand(packagesFor(missing))).toBe('sudo apt-get install -y --no-install-recommends poppler-utils fonts-wqy-microhei');
    expect(installCommand(['qpdf'], { root: true })).toBe('apt-get install -y --no-install-recommends qpdf');
  });

  it('finds a command only as an executable file on PATH', () => {
    expect(onPath('sh', '/bin:/usr/bin')).toBe(true);
    expect(onPath('sh', bin)).toBe(false);
    expect(onPath('passwd', '/etc')).toBe(false); // /etc/passwd exists but is not executable
  });
});
