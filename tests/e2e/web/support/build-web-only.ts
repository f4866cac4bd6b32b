import { execSync } from 'node:child_process';
import path from 'node:path';

/**
 * For running only the desktop journeys while the H5 build is broken or slow:
 * `npx jest e2e/web --globalSetup ./e2e/web/support/build-web-only.ts` builds just `web/dist`.
 * The journeys take the phone's steps through the API, so the H5 app is not needed for them.
 */
export default async function buildWebOnly(): Promise<void> {
  execSync('npm run build -w web', { cwd: path.resolve(__dirname, '../../../..'), stdio: 'inherit' });
}
