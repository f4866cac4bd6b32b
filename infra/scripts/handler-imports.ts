/**
 * Prints, per handler of the route table, which permission-relevant modules its bundle imports:
 * the evidence behind lib/function-permissions.ts. `npx tsx infra/scripts/handler-imports.ts`
 */
import { build } from 'esbuild';
import { ROUTES } from '@seal/shared/api';
import { BUNDLE_OPTIONS, handlerEntry } from '../lib/bundling';
import { permissionsFor } from '../lib/function-permissions';

const MARKS: Record<string, RegExp> = {
  'credential keys (custody)': /functions\/src\/custody\/index\.ts/,
  'id-number vault (wrapping: id-number)': /id-number-vault/,
  'platform CA (root/TSA keys)': /platform-pki\/platform-ca/,
  'CRL (pki/crl/)': /platform-pki\/crl/,
  'timestamps (TSA sign)': /platform-pki\/timestamp/,
  'identity config (identity secrets)': /identity-config/,
  's3 PutObject applications/': /applications\/submit-window-application/,
  's3 seals/': /custom-seal-image|seal\/make-seal-data|seal\/seal-data/,
  'seal maker (sealMaker sign)': /seal\/make-seal-data/,
};

async function main(): Promise<void> {
  const handlers = [...new Set(ROUTES.map((r) => r.handler))].sort();
  const lines = await Promise.all(
    handlers.map(async (handler) => {
      const result = await build({ entryPoints: [handlerEntry(handler)], bundle: true, platform: 'node', format: 'cjs', mainFields: [...BUNDLE_OPTIONS.mainFields], write: false, metafile: true, outfile: 'x.js', logLevel: 'silent' });
      const inputs = Object.keys(result.metafile.inputs);
      const uses = Object.entries(MARKS).filter(([, re]) => inputs.some((i) => re.test(i))).map(([label]) => label);
      return `${handler}\n  imports: ${uses.join('; ') || '-'}\n  granted: ${JSON.stringify(permissionsFor(handler))}`;
    }),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
