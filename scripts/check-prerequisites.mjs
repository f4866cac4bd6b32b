// First step of `npm test` and of `.ci/run`: are the system packages of scripts/prerequisites.mjs
// present? As root on Debian it installs what is missing with apt-get; otherwise it stops, the
// first line being the command to run. `--no-install` only checks. Decision 0130.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { PREREQUISITES, describeMissing, installCommand, missingPrerequisites, onPath, packagesFor } from './prerequisites.mjs';

const noInstall = process.argv.includes('--no-install');
const root = process.getuid?.() === 0;
const debian = existsSync('/etc/debian_version');

let missing = missingPrerequisites();
if (missing.length > 0 && root && debian && onPath('apt-get') && !noInstall) {
  const packages = packagesFor(missing);
  console.log(`system prerequisites: installing ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args) => spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] }).status === 0;
  if (!run(['update', '-qq']) || !run(['install', '-y', '-qq', '--no-install-recommends', ...packages])) {
    console.error(`system prerequisites: apt-get could not install ${packages.join(' ')}`);
  }
  missing = missingPrerequisites();
}

if (missing.length === 0) {
  console.log(`system prerequisites: all present (${packagesFor(PREREQUISITES).length} Debian packages)`);
  process.exit(0);
}

console.error(`Missing system packages. Run: ${installCommand(packagesFor(missing), { root })}`);
console.error('Needed for:');
for (const line of describeMissing(missing)) console.error(line);
if (!debian) console.error('(Debian package names; on another system install the equivalents.)');
process.exit(1);
