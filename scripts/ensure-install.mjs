// First step of `npm start`: a fresh clone without `npm install` gets it here, so `npm start` alone
// starts the platform. npm writes node_modules/.package-lock.json at every install.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'node_modules/.package-lock.json'))) {
  console.log('node_modules missing: running npm install first (about a minute)...');
  execSync('npm install --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
