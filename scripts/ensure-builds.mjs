// Builds the H5 mini-program and the desktop site only when their sources are newer than the last
// build, so `npm start` is up within a minute after the first run.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { execSync } from 'node:child_process';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

function newest(dir) {
  if (!existsSync(dir)) return 0;
  // A source may be a single file (web/index.html).
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('dist')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const apps = [
  {
    name: 'mini-program (H5)',
    sources: ['miniprogram/src', 'miniprogram/config', 'shared/src'],
    output: 'miniprogram/dist-h5/index.html',
    script: 'build:h5',
    workspace: 'miniprogram',
  },
  {
    name: 'desktop site',
    sources: ['web/src', 'web/index.html', 'shared/src'],
    output: 'web/dist/index.html',
    script: 'build',
    workspace: 'web',
  },
];

for (const app of apps) {
  const pkg = path.join(root, app.workspace, 'package.json');
  if (!existsSync(pkg) || !JSON.parse(readFileSync(pkg, 'utf8')).scripts?.[app.script]) continue;
  const out = path.join(root, app.output);
  const built = existsSync(out) ? statSync(out).mtimeMs : 0;
  const source = Math.max(...app.sources.map((s) => newest(path.join(root, s))));
  if (built > source) {
    console.log(`${app.name}: up to date`);
    continue;
  }
  console.log(`${app.name}: building...`);
  // Always a production build: run from jest, NODE_ENV=test would give Taro's H5 build React Refresh.
  execSync(`npm run ${app.script} -w ${app.workspace}`, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
