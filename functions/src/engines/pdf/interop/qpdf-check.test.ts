import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { formPdf } from '../../../../test-support/pdf/later-revisions';
import { brokenStartxref, unterminatedFlatePdf, withPrefix } from '../../../../test-support/pdf/damaged';
import { requireTools } from '../../../../test-support/tools';

let dir: string;
let world: SigningWorld;
beforeAll(async () => {
  // qpdf comes from Debian (scripts/prerequisites.mjs): absent, the file fails saying so.
  requireTools('qpdf');
  dir = mkdtempSync(join(tmpdir(), 'seal-qpdf-'));
  world = await signingWorld(new Date());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** `qpdf --check`: its exit status (0 clean, 3 warnings, 2 errors) and what it warned about. */
function qpdfCheck(pdf: Uint8Array): { status: number | null; warnings: string[] } {
  const file = join(dir, 'check.pdf');
  writeFileSync(file, pdf);
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { status: run.status, warnings: `${run.stdout}${run.stderr}`.split('\n').filter((l) => /WARNING/.test(l)) };
}

function rewrite(pdf: Uint8Array, args: string[]): Uint8Array {
  writeFileSync(join(dir, 'in.pdf'), pdf);
  execFileSync('qpdf', [...args, join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
  return new Uint8Array(readFileSync(join(dir, 'out.pdf')));
}

const VARIANTS: [string, string[]][] = [
  ['as made', []],
  ['object streams', ['--object-streams=generate']],
  ['no object streams', ['--object-streams=disable']],
  ['linearized', ['--linearize']],
  ['uncompressed (QDF)', ['--qdf', '--object-streams=disable']],
  ['PDF 1.3', ['--force-version=1.3', '--object-streams=disable']],
  ['PDF 2.0', ['--force-version=2.0', '--object-streams=generate']],
];
const BASES: [string, () => Promise<Uint8Array>][] = [
  ['xref table', () => samplePdf({ pages: 3, xref: 'table' })],
  ['xref stream', () => samplePdf({ pages: 3, xref: 'stream' })],
  ['form field', () => formPdf()],
];

describe('qpdf --check finds a signed file as clean as its input', () => {
  const cases = BASES.flatMap(([base, make]) => VARIANTS.map(([variant, args]) => [base, variant, make, args] as const));

  it.each(cases)('%s, %s: clean before, clean after one seal and after a second company’s', async (_base, _variant, make, args) => {
    const input = args.length ? rewrite(await make(), args) : await make();
    expect(qpdfCheck(input)).toEqual({ status: 0, warnings: [] });
    const once = await world.sign(input);
    expect(qpdfCheck(once)).toEqual({ status: 0, warnings: [] });
    const twice = await world.sign(once, { as: 'second', crossPage: true });
    expect(qpdfCheck(twice)).toEqual({ status: 0, warnings: [] });
  });

  it.each([
    ['a rebuilt cross-reference table', async () => brokenStartxref(await samplePdf({ pages: 2, xref: 'table' }))],
    ['a rebuilt chain with object streams', async () => brokenStartxref(await samplePdf({ pages: 2, xref: 'stream' }))],
  ])('%s: qpdf repairs the input, and reads the signed file without repair', async (_what, make) => {
    const input = await make();
    expect(qpdfCheck(input).warnings.join('\n')).toMatch(/reconstruct/);
    expect(qpdfCheck(await world.sign(input))).toEqual({ status: 0, warnings: [] });
  });

  it.each([
    ['bytes before the header, xref table', async () => withPrefix(await samplePdf({ pages: 2, xref: 'table' }))],
    ['bytes before the header, xref stream', async () => withPrefix(await samplePdf({ pages: 2, xref: 'stream' }))],
    ['bytes before the header, PDF 2.0 with object streams', async () => withPrefix(rewrite(await samplePdf({ pages: 2 }), ['--force-version=2.0', '--object-streams=generate']))],
    ['an xref stream deflated without its end (macOS Preview)', async () => unterminatedFlatePdf()],
  ])('%s: the signed file is as clean as the input', async (_what, make) => {
    const input = await make();
    const before = qpdfCheck(input);
    expect(before.status).not.toBe(2);
    expect(qpdfCheck(await world.sign(input))).toEqual(before);
  });

  it('reads the certification as written: /Perms /DocMDP names the signature, whose reference carries P', async () => {
    const certified = await world.sign(await samplePdf(), { certify: { level: 2 } });
    writeFileSync(join(dir, 'certified.pdf'), certified);
    const json = JSON.parse(execFileSync('qpdf', ['--json', '--json-key=qpdf', join(dir, 'certified.pdf')], { encoding: 'utf8' }));
    const objects: Record<string, { value?: Record<string, unknown> }> = json.qpdf[1];
    const trailer = objects['trailer']!.value as { '/Root': string };
    const catalog = objects[`obj:${trailer['/Root']}`]!.value as { '/Perms': { '/DocMDP': string } };
    const sig = objects[`obj:${catalog['/Perms']['/DocMDP']}`]!.value as Record<string, unknown>;
    expect(sig).toMatchObject({
      '/Type': '/Sig',
      '/SubFilter': '/ETSI.CAdES.detached',
      '/Reference': [{ '/Type': '/SigRef', '/TransformMethod': '/DocMDP', '/TransformParams': { '/Type': '/TransformParams', '/P': 2, '/V': '/1.2' } }],
    });
    expect(qpdfCheck(certified)).toEqual({ status: 0, warnings: [] });
  });
});
