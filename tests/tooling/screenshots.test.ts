import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'docs/screenshots');

describe('the README’s screenshots (docs/screenshots/, refreshed by npm run screenshots)', () => {
  const files = readdirSync(dir);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');

  it('are shown by the README, every one, and each picture it shows is there', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) expect(readme).toContain(`](docs/screenshots/${file})`);
    for (const [, file] of readme.matchAll(/\]\(docs\/screenshots\/([^)]+)\)/g)) expect(files).toContain(file);
  });

  it('stay small: each under 150 KB, all under 1 MB', () => {
    const sizes = files.map((f) => statSync(path.join(dir, f)).size);
    for (const size of sizes) expect(size).toBeLessThan(150 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan(1024 * 1024);
  });
});
