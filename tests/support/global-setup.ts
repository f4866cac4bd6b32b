import { execSync } from 'node:child_process';
import path from 'node:path';

/** The journeys drive the built apps: build them if their sources changed (scripts/ensure-builds.mjs). */
export default async function globalSetup(globalConfig?: { testPathPattern?: string }): Promise<void> {
  // Interoperability tests run `seal demo` and independent validators, tooling tests the scripts: no app to build.
  if (/^[^|]*(interop|tooling)[^|]*$/.test(globalConfig?.testPathPattern ?? '')) return;
  const root = path.resolve(__dirname, '../..');
  execSync('node scripts/ensure-builds.mjs', { cwd: root, stdio: 'inherit' });
}
