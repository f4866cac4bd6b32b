/**
 * Runs every bench/*.bench.ts (or those named on the command line) one after another.
 * Each module exports `run(args): Promise<void>` and writes its own results under bench/results/.
 * Arguments that name no bench are given to the benches that are run: `npm run bench -- bundles
 * sign-document me` runs the bundle bench for those two functions.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const benches = readdirSync(__dirname).filter((f) => f.endsWith('.bench.ts'));
  const namesABench = (arg: string) => benches.some((f) => f.includes(arg));
  const only = args.filter(namesABench);
  const rest = args.filter((arg) => !namesABench(arg));
  const files = benches.filter((f) => only.length === 0 || only.some((o) => f.includes(o))).sort();
  for (const f of files) {
    process.stdout.write(`\n== ${f}\n`);
    const mod = (await import(join(__dirname, f))) as { run: (args: string[]) => Promise<void> };
    await mod.run(rest);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
