import { PREREQUISITES, installCommand, onPath } from '../../scripts/prerequisites.mjs';

/**
 * Independent validators (pdfsig, certutil, openssl, qpdf...) are never skipped: a test that needs
 * one calls this first and fails, naming the tool and the Debian package from the project's one list
 * (scripts/prerequisites.mjs), when it is absent. `npm test` checks the whole list before any test.
 */
export function requireTools(...commands: string[]): void {
  const missing = commands.filter((command) => !onPath(command));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((command) => PREREQUISITES.find((p) => p.command === command)?.package ?? command))];
  throw new Error(
    `${missing.join(', ')} not found on PATH: this test checks the result with it, independently of the platform. ` +
      `Install: ${installCommand(packages, { root: process.getuid?.() === 0 })} (or run node scripts/check-prerequisites.mjs)`,
  );
}
