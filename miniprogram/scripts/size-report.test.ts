import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSizeReport, measureWeappPackages } from './size-report';

let dist: string;

function write(path: string, bytes: number): void {
  const file = join(dist, path);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'x'.repeat(bytes));
}

beforeEach(() => {
  dist = mkdtempSync(join(tmpdir(), 'weapp-dist-'));
  writeFileSync(join(dist, 'app.json'), JSON.stringify({ subPackages: [{ root: 'packages/seal/' }, { root: 'packages/sign' }] }));
});

afterEach(() => rmSync(dist, { recursive: true, force: true }));

describe('weapp size report', () => {
  it('counts subpackage files apart from the main package', () => {
    write('app.js', 1000);
    write('pages/home/index.js', 500);
    write('packages/seal/list/index.js', 300);
    write('packages/sealed/other.js', 50); // not under packages/seal/: main package
    const appJsonBytes = JSON.stringify({ subPackages: [{ root: 'packages/seal/' }, { root: 'packages/sign' }] }).length;

    const sizes = measureWeappPackages(dist);

    expect(sizes.subpackages).toEqual([
      { root: 'packages/seal', bytes: 300 },
      { root: 'packages/sign', bytes: 0 },
    ]);
    expect(sizes.mainBytes).toBe(1000 + 500 + 50 + appJsonBytes);
    expect(sizes.totalBytes).toBe(sizes.mainBytes + 300);
  });

  it('prints the sizes in KB with the WeChat limits', () => {
    const report = formatSizeReport({ mainBytes: 2048, totalBytes: 3072, subpackages: [{ root: 'packages/seal', bytes: 1024 }] });
    expect(report).toBe('main package: 2.0 KB (limit 2048.0 KB)\nsubpackage packages/seal: 1.0 KB\ntotal: 3.0 KB (limit 20480.0 KB)');
  });
});
