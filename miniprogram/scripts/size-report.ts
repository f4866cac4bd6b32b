// Prints the weapp build's main-package size, each subpackage and the total, from dist/app.json.
// WeChat limits the main package to 2 MB and the whole app to 20 MB.
//   npm run size -w miniprogram      (after `npm run build:weapp`)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
export const TOTAL_LIMIT = 20 * 1024 * 1024;

export interface PackageSizes {
  mainBytes: number;
  totalBytes: number;
  subpackages: Array<{ root: string; bytes: number }>;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

function subpackageRoots(distDir: string): string[] {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  return (app.subPackages ?? app.subpackages ?? []).map(({ root }) => root.replace(/\/+$/, ''));
}

/** Sizes of the built weapp in dist/: every file belongs to its subpackage root or else to the main package. */
export function measureWeappPackages(distDir: string): PackageSizes {
  const roots = subpackageRoots(distDir);
  const bySubpackage = new Map(roots.map((root) => [root, 0]));
  let totalBytes = 0;
  for (const file of listFiles(distDir)) {
    const bytes = statSync(file).size;
    totalBytes += bytes;
    const path = relative(distDir, file).split(sep).join('/');
    const root = roots.find((candidate) => path.startsWith(`${candidate}/`));
    if (root !== undefined) bySubpackage.set(root, (bySubpackage.get(root) ?? 0) + bytes);
  }
  const subpackages = roots.map((root) => ({ root, bytes: bySubpackage.get(root) ?? 0 }));
  const mainBytes = totalBytes - subpackages.reduce((sum, { bytes }) => sum + bytes, 0);
  return { mainBytes, totalBytes, subpackages };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export function formatSizeReport(sizes: PackageSizes): string {
  const lines = [
    `main package: ${kb(sizes.mainBytes)} (limit ${kb(MAIN_PACKAGE_LIMIT)})`,
    ...sizes.subpackages.map(({ root, bytes }) => `subpackage ${root}: ${kb(bytes)}`),
    `total: ${kb(sizes.totalBytes)} (limit ${kb(TOTAL_LIMIT)})`,
  ];
  return lines.join('\n');
}

// Run as a script (not when a test imports it). The weapp typings redefine `require`, so no require.main.
if (process.argv[1]?.endsWith('size-report.ts')) {
  const distDir = process.argv[2] ?? join(__dirname, '..', 'dist');
  const sizes = measureWeappPackages(distDir);
  process.stdout.write(`${formatSizeReport(sizes)}\n`);
  if (sizes.mainBytes > MAIN_PACKAGE_LIMIT || sizes.totalBytes > TOTAL_LIMIT) process.exit(1);
}
