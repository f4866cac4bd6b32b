import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The dependency rule of .dependency-cruiser.cjs (run over the real tree by `npm run deps`),
 * shown catching each kind of crossing in a small tree laid out like functions/.
 */
const REPO = path.resolve(__dirname, '../..');
const DEPCRUISE = path.join(REPO, 'node_modules/.bin/depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'layers-'));
  try {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const out = execFileSync(DEPCRUISE, ['functions', '--config', path.join(REPO, '.dependency-cruiser.cjs'), '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
      // depcruise exits non-zero when it finds violations; the JSON is still on stdout.
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString();
    return JSON.parse(out).summary.violations as Violation[];
  } catch (error) {
    const stdout = (error as { stdout?: string }).stdout;
    if (!stdout) throw error;
    return JSON.parse(stdout).summary.violations as Violation[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rulesHit = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

describe('the dependency rule', () => {
  it('lets each layer use the layers below it', () => {
    const violations = cruise({
      'functions/src/entry/handlers/freeze.ts': "import { freeze } from '../../domain/seal/freeze-seal';\nimport { ports } from '../../composition';\nfreeze(ports);\n",
      'functions/src/composition.ts': "import { store } from './adapters/dynamodb/store';\nexport const ports = { store };\n",
      'functions/src/domain/seal/freeze-seal.ts': "import type { Store } from '../../ports/store';\nimport { sealDrawing } from '../../engines/appearance/draw';\nexport const freeze = (s: Store) => [s, sealDrawing];\n",
      'functions/src/ports/store.ts': 'export interface Store { get(): void }\n',
      'functions/src/adapters/dynamodb/store.ts': "import type { Store } from '../../ports/store';\nexport const store: Store = { get() {} };\n",
      'functions/src/engines/appearance/draw.ts': 'export const sealDrawing = 1;\n',
      'functions/test-support/harness.ts': "import { ports } from '../src/composition';\nexport const h = ports;\n",
    });
    expect(rulesHit(violations)).toEqual([]);
  });

  it('fails on every crossing', () => {
    const violations = cruise({
      // An engine that reaches into the domain.
      'functions/src/engines/pdf/sign.ts': "import { rule } from '../../domain/seal/rules';\nexport const sign = rule;\n",
      // A use case that reaches an adapter, and the PDF engine instead of the format port.
      'functions/src/domain/seal/rules.ts': "import { table } from '../../adapters/dynamodb/table';\nexport const rule = table;\n",
      'functions/src/domain/document/sign-document.ts': "import { sign } from '../../engines/pdf/sign';\nexport const s = sign;\n",
      'functions/src/adapters/dynamodb/table.ts': 'export const table = 1;\n',
      // A port that depends on its implementation; an adapter that calls a use case.
      'functions/src/ports/store.ts': "import { table } from '../adapters/dynamodb/table';\nexport type Store = typeof table;\n",
      'functions/src/adapters/s3/blobs.ts': "import { rule } from '../../domain/seal/rules';\nexport const blobs = rule;\n",
      // Production code that imports a test helper.
      'functions/src/entry/handlers/health.ts': "import { fixture } from '../../../test-support/fixture';\nexport const handler = fixture;\n",
      'functions/test-support/fixture.ts': 'export const fixture = 1;\n',
      // Two engine modules that need each other.
      'functions/src/engines/pki/crl.ts': "import { name } from './names';\nexport const crl = () => name;\n",
      'functions/src/engines/pki/names.ts': "import { crl } from './crl';\nexport const name = () => crl;\n",
    });
    expect(rulesHit(violations)).toEqual([
      'adapters-serve-ports: functions/src/adapters/s3/blobs.ts → functions/src/domain/seal/rules.ts',
      'documents-through-the-format-port: functions/src/domain/document/sign-document.ts → functions/src/engines/pdf/sign.ts',
      'domain-uses-ports-not-adapters: functions/src/domain/seal/rules.ts → functions/src/adapters/dynamodb/table.ts',
      'engines-know-no-domain: functions/src/engines/pdf/sign.ts → functions/src/domain/seal/rules.ts',
      'no-circular-in-engines: functions/src/engines/pki/crl.ts → functions/src/engines/pki/names.ts',
      'ports-are-contracts: functions/src/ports/store.ts → functions/src/adapters/dynamodb/table.ts',
      'production-has-no-test-support: functions/src/entry/handlers/health.ts → functions/test-support/fixture.ts',
    ]);
  });
});
