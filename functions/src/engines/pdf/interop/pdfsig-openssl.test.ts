import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '../../pki/pem';
import { findSignatures } from '../verify/find-signatures';
import { checkByteRange } from '../verify/byte-range';
import { PdfDocument } from '../syntax/document';
import { signingWorld, samplePdf } from '../../../../test-support/pdf/signed-fixtures';
import { brokenStartxref, unterminatedFlatePdf, withPrefix } from '../../../../test-support/pdf/damaged';
import { pdfsig } from '../../../../test-support/pdf/third-party';
import { verifyPdf } from '../verify';
import { requireTools } from '../../../../test-support/tools';

describe('independent validators accept a twice-signed document', () => {
  let dir: string;
  let twice: Uint8Array;
  beforeAll(async () => {
    // Independent validators come from Debian packages (poppler-utils, libnss3-tools, openssl).
    requireTools('pdfsig', 'certutil', 'openssl');
    const world = await signingWorld(new Date());
    dir = mkdtempSync(join(tmpdir(), 'seal-interop-'));
    twice = await world.sign(await world.sign(await samplePdf({ pages: 3 })), { as: 'second' });
    writeFileSync(join(dir, 'twice.pdf'), twice);
    writeFileSync(join(dir, 'root.pem'), toPem(world.pki.root));
    mkdirSync(join(dir, 'nss'));
    execFileSync('certutil', ['-N', '--empty-password', '-d', `sql:${join(dir, 'nss')}`]);
    execFileSync('certutil', ['-A', '-n', 'root', '-t', 'CT,C,C', '-i', join(dir, 'root.pem'), '-d', `sql:${join(dir, 'nss')}`]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('poppler pdfsig: every signature valid and trusted, the last covering the whole document', () => {
    const out = spawnSync('pdfsig', ['-nssdir', `sql:${join(dir, 'nss')}`, join(dir, 'twice.pdf')], { encoding: 'utf8' }).stdout;
    const blocks = out.split(/Signature #\d+:/).slice(1);
    expect(blocks).toHaveLength(2);
    for (const b of blocks) {
      expect(b).toContain('Signature is Valid.');
      expect(b).toContain('Certificate is Trusted.');
    }
    expect(blocks[1]).toContain('Total document signed');
    expect(blocks[0]).toContain('Not total document signed');
  });

  it('openssl cms -verify accepts each embedded CMS over its signed bytes', () => {
    const doc = PdfDocument.open(twice);
    const sigs = findSignatures(doc);
    expect(sigs).toHaveLength(2);
    sigs.forEach((s, i) => {
      const range = checkByteRange(doc, s.sigRef, s.sig);
      const content = Buffer.concat(range.ranges!.map(([start, len]) => twice.subarray(start, start + len)));
      writeFileSync(join(dir, `sig${i}.der`), range.cms!);
      writeFileSync(join(dir, `content${i}.bin`), content);
      const r = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, `sig${i}.der`), '-content', join(dir, `content${i}.bin`), '-CAfile', join(dir, 'root.pem'), '-purpose', 'any', '-out', '/dev/null'], { encoding: 'utf8' });
      expect(r.stderr).toContain('Verification successful');
    });
  });
});

describe('pdfsig on certified documents and on damaged inputs the platform signed', () => {
  let world: Awaited<ReturnType<typeof signingWorld>>;
  let root: string;
  beforeAll(async () => {
    requireTools('pdfsig', 'certutil');
    world = await signingWorld(new Date());
    root = toPem(world.pki.root);
  });

  it('accepts a P=2 certification and a later platform seal on it, both valid and trusted; our verifier reads the certification', async () => {
    const certified = await world.sign(await samplePdf({ pages: 2 }), { certify: { level: 2 } });
    const twice = await world.sign(certified, { as: 'second' });
    const { verdicts, output } = await pdfsig(twice, [root]);
    expect(verdicts).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
    expect(output).toContain('Total document signed');
    const report = await verifyPdf(twice, { trustedRoots: world.trustedRoots });
    expect(report.certification).toEqual({ level: 2, fieldName: 'Seal1' });
    expect(report.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED', 'TOTAL_PASSED']);
  });

  it('refuses a further seal on a P=1 certification, which pdfsig finds valid as it stands', async () => {
    const certified = await world.sign(await samplePdf(), { certify: { level: 1 } });
    expect((await pdfsig(certified, [root])).verdicts).toEqual(['TOTAL_PASSED']);
    await expect(world.sign(certified, { as: 'second' })).rejects.toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES' });
  });

  it.each([
    ['a rebuilt cross-reference table', async () => brokenStartxref(await samplePdf({ pages: 2, xref: 'table' }))],
    ['a rebuilt chain with object streams', async () => brokenStartxref(await samplePdf({ pages: 2, xref: 'stream' }))],
    ['bytes before the header (xref table)', async () => withPrefix(await samplePdf({ pages: 2, xref: 'table' }))],
    ['bytes before the header (xref stream)', async () => withPrefix(await samplePdf({ pages: 2, xref: 'stream' }))],
    ['an xref stream deflated without its end (macOS Preview)', async () => unterminatedFlatePdf()],
  ])('%s: the platform’s signature is valid and trusted, for pdfsig and for our verifier', async (_what, make) => {
    const signed = await world.sign(await make());
    const { verdicts, output } = await pdfsig(signed, [root]);
    expect(verdicts).toEqual(['TOTAL_PASSED']);
    expect(output).toContain('Total document signed');
    expect((await verifyPdf(signed, { trustedRoots: world.trustedRoots })).verdict).toBe('valid');
  });
});
