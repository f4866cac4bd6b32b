/**
 * Runs every bench/*.bench.ts (or those named on the command line) one after another.
 * Each module exports `run(): Promise<void>` and writes its own results under bench/results/.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  for (const f of files) {
    process.stdout.write(`\n== ${f}\n`);
    const mod = (await import(join(__dirname, f))) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
