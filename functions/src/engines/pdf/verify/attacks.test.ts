import { createTestPki } from '../../../../test-support/pdf/pki-fixture';
import { dict, name, PdfDict, PdfRef, PdfStream, type PdfValue } from '../syntax/objects';
import { appendRevision, patchLast } from '../../../../test-support/pdf/tamper';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { verifyPdf } from '../verify';
import { signPdf } from '../sign';
import { drawSeal } from '../../appearance';
import { testTimestamp } from '../../../../test-support/pdf/pki-fixture';

let world: SigningWorld;
let signed: Uint8Array;
const verify = (bytes: Uint8Array) => verifyPdf(bytes, { trustedRoots: world.trustedRoots, now: world.now });

beforeAll(async () => {
  world = await signingWorld();
  signed = await world.sign(await samplePdf({ pages: 2 }));
});

/** The first page's object and its /Contents reference, as the signed revision has them. */
function firstPage(doc: import('../syntax/document').PdfDocument): { ref: PdfRef; page: PdfDict } {
  const kids = doc.resolve(doc.dict(doc.dict(doc.trailer.get('Root'))!.get('Pages'))!.get('Kids')) as PdfValue[];
  return { ref: kids[0] as PdfRef, page: doc.dict(kids[0])! };
}

describe('verifyPdf against known attacks', () => {
  it('reports an incremental saving attack that adds content to a page as modified (other)', async () => {
    const attacked = appendRevision(signed, (doc, u) => {
      const { ref, page } = firstPage(doc);
      const extra = u.add(new PdfStream(new PdfDict(), Buffer.from('BT /F1 24 Tf 72 500 Td (PAY 1000000) Tj ET')));
      const contents = page.get('Contents');
      u.set(ref, page.clone().set('Contents', [...(Array.isArray(contents) ? contents : [contents!]), extra]));
    });
    const report = await verify(attacked);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.modifiedAfter).toBe('other');
    expect(report.signatures[0]!.integrity).toBe('intact');
    expect(report.reasons.join()).toContain('签章后文档被修改');
  });

  it('reports a shadow "replace" attack that redefines an existing content stream', async () => {
    const attacked = appendRevision(signed, (doc, u) => {
      const { page } = firstPage(doc);
      const contents = page.get('Contents');
      const ref = (Array.isArray(contents) ? contents[0] : contents) as PdfRef;
      u.set(ref, new PdfStream(new PdfDict(), Buffer.from('BT /F1 18 Tf 72 760 Td (Replaced) Tj ET')));
    });
    const report = await verify(attacked);
    expect(report.signatures[0]!.modifiedAfter).toBe('other');
    expect(report.signatures[0]!.modifications.join()).toMatch(/内容流 \d+ 在签章后被修改/);
    expect(report.verdict).toBe('invalid');
  });

  it('reports a shadow "hide" attack that covers content with an unsigned annotation', async () => {
    const attacked = appendRevision(signed, (doc, u) => {
      const { ref, page } = firstPage(doc);
      const ap = u.add(new PdfStream(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 500, 100] }), Buffer.from('1 1 1 rg 0 0 500 100 re f')));
      const annot = u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), Rect: [50, 700, 550, 800], AP: dict({ N: ap }) }));
      u.set(ref, page.clone().set('Annots', [...((page.get('Annots') as PdfValue[]) ?? []), annot]));
    });
    const report = await verify(attacked);
    expect(report.signatures[0]!.modifiedAfter).toBe('other');
    expect(report.verdict).toBe('invalid');
  });

  it('reports a shadow "hide-and-replace" attack that swaps the page tree', async () => {
    const attacked = appendRevision(signed, (doc, u) => {
      const root = doc.trailer.get('Root') as PdfRef;
      const catalog = doc.dict(root)!;
      const pagesRef = catalog.get('Pages') as PdfRef;
      const pages = doc.dict(pagesRef)!;
      const kids = doc.resolve(pages.get('Kids')) as PdfValue[];
      u.set(pagesRef, pages.clone().set('Kids', [...kids].reverse()));
    });
    const report = await verify(attacked);
    expect(report.signatures[0]!.modifiedAfter).toBe('other');
    expect(report.signatures[0]!.modifications.join()).toContain('页面树');
  });

  it('reports bytes appended after the last %%EOF (incremental saving without a cross-reference)', async () => {
    const attacked = new Uint8Array(Buffer.concat([signed, Buffer.from('\n99 0 obj\n<</Evil true>>\nendobj\n')]));
    const report = await verify(attacked);
    expect(report.signatures[0]!.modifiedAfter).toBe('other');
    expect(report.verdict).toBe('invalid');
  });

  it('rejects signature wrapping: a ByteRange whose gap is not exactly the /Contents string', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(text)!;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const wrapped = `/ByteRange [0 ${a} ${b + 2} ${c - 2}]`.padEnd(m[0].length, ' ');
    const report = await verify(patchLast(signed, m[0], wrapped));
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.coverage).toBe('invalid');
    expect(report.signatures[0]!.reasons.join()).toContain('未准确排除签名值');
  });

  it.each([
    ['a null ByteRange', (m: string) => '/ByteRange null'.padEnd(m.length, ' ')],
    ['a ByteRange that excludes nothing', (m: string) => '/ByteRange [0 0 0 0]'.padEnd(m.length, ' ')],
    ['overlapping ranges', (m: string) => '/ByteRange [0 900 100 900]'.padEnd(m.length, ' ')],
  ])('rejects universal signature forgery with %s', async (_label, forge) => {
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange \[0 \d+ \d+ \d+\s*\]/.exec(text)![0];
    const report = await verify(patchLast(signed, m, forge(m)));
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.integrity).toBe('broken');
  });

  it('rejects universal signature forgery with empty /Contents', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/Contents <([0-9a-f]+)>/.exec(text)!;
    const forged = patchLast(signed, m[0], `/Contents <${'0'.repeat(m[1]!.length)}>`);
    const report = await verify(forged);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.integrity).toBe('broken');
  });

  it('rejects a document changed inside the signed range', async () => {
    const report = await verify(patchLast(signed, '%PDF-1.7', '%PDF-1.6'));
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.integrity).toBe('broken');
    expect(report.signatures[0]!.reasons[0]).toContain('篡改');
  });

  it('reports a certificate from another CA as an unknown issuer, not valid', async () => {
    const stranger = await createTestPki({ now: world.now });
    const forged = await signPdf({
      pdf: await samplePdf(),
      signer: stranger.sealSigner,
      certificateChain: [stranger.seal, stranger.root],
      timestamp: testTimestamp(stranger, world.now),
      placements: [{ page: 1, x: 100, y: 100 }],
      appearance: drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' }),
      signingTime: world.now,
    });
    const report = await verify(forged);
    expect(report.verdict).toBe('invalid');
    expect(report.signatures[0]!.certificateStatus).toBe('unknown_issuer');
  });

  it('reports a certificate revoked before signing as invalid, and one revoked after as valid', async () => {
    const revokedAt = (when: Date) => ({ revocationsAt: (_c: Uint8Array, at: Date) => (at >= when ? ('revoked' as const) : ('good' as const)) });
    const before = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now, ...revokedAt(new Date(world.now.getTime() - 1000)) });
    expect(before.signatures[0]!.certificateStatus).toBe('revoked');
    expect(before.verdict).toBe('invalid');
    const after = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now, ...revokedAt(new Date(world.now.getTime() + 1000)) });
    expect(after.verdict).toBe('valid');
  });

  it('is indeterminate without a trusted timestamp', async () => {
    const pdf = await samplePdf();
    const noTs = await world.sign(pdf, { timestamp: testTimestamp(await createTestPki({ now: world.now }), world.now) });
    const report = await verify(noTs);
    expect(report.verdict).toBe('indeterminate');
    expect(report.signatures[0]!.timestamp).toEqual({ time: world.now.toISOString(), valid: false });
  });
});
