import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { createPorts, composePorts, replacePorts, type ComposedPort } from '../composition';
import { EVERY_PORT } from './every-port';
import { custody } from './custody';
import { registry } from './registry';

const SRC = join(__dirname, '..');
const ROOT = join(SRC, '..', '..');
const PORTS: ComposedPort[] = ['blobs', 'custody', 'platformKeys', 'pinKeys', 'idNumbers', 'faceVerifier', 'registry', 'wechatAuth', 'notifier', 'licences', 'signingQueue'];
const RECIPE_FILE: Record<ComposedPort, string> = {
  blobs: 'blobs',
  custody: 'custody',
  platformKeys: 'platform-keys',
  pinKeys: 'pin-keys',
  idNumbers: 'id-numbers',
  faceVerifier: 'face-verifier',
  registry: 'registry',
  wechatAuth: 'wechat-auth',
  notifier: 'notifier',
  licences: 'licences',
  signingQueue: 'signing-queue',
};

/** The ports a source file reads from the container: `services.custody`, `ports.registry`, `{ store, idNumbers } = services`. */
function portsReadBy(source: string): ComposedPort[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const destructured = [...code.matchAll(/\{([^{}]*)\}\s*=\s*(?:\w+\.)*(?:services|ports)\b/g)].flatMap((m) => m[1]!.split(',').map((s) => s.trim().split(/[:\s]/)[0]));
  return PORTS.filter((p) => new RegExp(`\\b(services|ports)\\s*\\.\\s*${p}\\b`).test(code) || destructured.includes(p));
}

const entries = [
  ...readdirSync(join(SRC, 'entry', 'handlers')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(SRC, 'entry', 'handlers', f)),
  ...readdirSync(join(SRC, 'entry', 'jobs')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(SRC, 'entry', 'jobs', f)),
];

/** Our own source files in each entry's bundle (one esbuild run for all, as the bench and NodejsFunction bundle them). */
let bundled: Map<string, string[]>;
beforeAll(async () => {
  const { metafile } = await build({ entryPoints: entries, absWorkingDir: ROOT, bundle: true, write: false, platform: 'node', format: 'cjs', metafile: true, logLevel: 'silent', outdir: 'out' });
  bundled = new Map(
    Object.values(metafile.outputs)
      .filter((o) => o.entryPoint)
      .map((o) => [join(ROOT, o.entryPoint!), Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([input]) => join(ROOT, input)).filter((f) => f.startsWith(SRC))]),
  );
}, 600_000);

describe('every Lambda composes the ports its code reads, and carries no other port\'s adapter', () => {
  it.each(entries.map((e) => [relative(SRC, e), e]))('%s', (_name, entry) => {
    const included = bundled.get(entry)!;
    expect(included.length).toBeGreaterThan(0);
    const read = [...new Set(included.flatMap((file) => portsReadBy(readFileSync(file, 'utf8'))))].sort();
    const composed = PORTS.filter((p) => included.includes(join(SRC, 'composition', `${RECIPE_FILE[p]}.ts`))).sort();
    expect({ entry: relative(SRC, entry), composed }).toEqual({ entry: relative(SRC, entry), composed: read });
  });
});

describe('portsReadBy', () => {
  it('finds reads through properties and destructuring, not record fields or comments', () => {
    expect(portsReadBy('const a = services.custody; const { store, idNumbers } = services;')).toEqual(['custody', 'idNumbers']);
    expect(portsReadBy('await deps.services.blobs.get(k); ports.registry.lookup(x)')).toEqual(['blobs', 'registry']);
    expect(portsReadBy('credential.custody === "kms"; // services.notifier\n/* services.licences */')).toEqual([]);
  });
});

describe('the container', () => {
  const env = { ...process.env, STAGE: 'local', AWS_REGION: 'cn-north-1' };
  it('names a port no recipe composed', () => {
    const ports = createPorts(env, []);
    expect(() => ports.custody).toThrow(/port custody is not composed/);
    expect(ports.config.STAGE).toBe('local');
  });

  it('builds a composed port once, and leaves a replaced one alone', () => {
    const ports = composePorts(createPorts(env, []), [registry]);
    expect(ports.registry).toBe(ports.registry);
    const stand = { lookup: async () => undefined } as unknown as typeof ports.registry;
    const replaced = composePorts(replacePorts(ports, { registry: stand }), [registry, custody]);
    expect(replaced.registry).toBe(stand);
    expect(() => ports.custody).toThrow(/not composed/);
    expect(EVERY_PORT.map((r) => r.port).sort()).toEqual([...PORTS].sort());
  });
});
