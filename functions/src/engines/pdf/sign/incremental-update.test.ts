import { inflateSync } from 'node:zlib';
import { PdfDocument } from '../syntax/document';
import { PdfRef, PdfStream } from '../syntax/objects';
import { verifyPdf } from '../verify';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { brokenStartxref, unterminatedFlatePdf, withPrefix } from '../../../../test-support/pdf/damaged';
import { classicPdf } from '../../../../test-support/pdf/hostile';
import { appendRevision } from '../../../../test-support/pdf/tamper';
import { IncrementalUpdate } from './incremental-update';

let world: SigningWorld;
beforeAll(async () => {
  world = await signingWorld();
});

const verify = (pdf: Uint8Array) => verifyPdf(pdf, { trustedRoots: world.trustedRoots, now: world.now });
const text = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const lastTrailer = (pdf: Uint8Array) => text(pdf).slice(text(pdf).lastIndexOf('endobj'));

/** One more than the highest object number any revision defines. */
function highestInUse(doc: PdfDocument): number {
  let highest = 0;
  for (const r of doc.revisions) for (const [n, e] of r.entries) if (e.kind !== 'free') highest = Math.max(highest, n);
  return highest;
}

describe('the trailer /Size', () => {
  const cases: ['table' | 'stream', string, { crossPage?: boolean; placements?: [] }][] = [
    ['table', 'one seal (its widget merged into the field)', {}],
    ['stream', 'one seal (its widget merged into the field)', {}],
    ['table', 'a seal and a 骑缝章', { crossPage: true }],
    ['stream', 'a 骑缝章 only', { crossPage: true, placements: [] }],
  ];
  it.each(cases)('is one more than the highest object in use (xref %s, %s)', async (xref, _what, overrides) => {
    const signed = await world.sign(await samplePdf({ pages: 3, xref }), overrides);
    const doc = PdfDocument.open(signed);
    expect(doc.trailer.get('Size')).toBe(highestInUse(doc) + 1);
    // No number is left undefined between the old objects and the new ones.
    for (let n = 1; n <= highestInUse(doc); n++) expect(doc.defined(n)).toBe(true);
  });

  it('covers an object defined above the previous /Size', async () => {
    const signed = appendRevision(await samplePdf({ xref: 'table' }), (_doc, u) => u.set(new PdfRef(99, 0), 42));
    expect(PdfDocument.open(signed).trailer.get('Size')).toBe(100);
  });

  it('hands the number of a dropped object out again', async () => {
    const doc = PdfDocument.open(await samplePdf());
    const update = new IncrementalUpdate(doc);
    const kept = update.add(1);
    update.drop(update.add(2));
    expect(update.add(3).num).toBe(kept.num + 1);
  });

  it('refuses to number objects beyond what readers accept (8,388,607)', async () => {
    const pdf = classicPdf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 200 200]>>'], { trailer: '/Size 9000000' });
    // classicPdf writes its own /Size first; the later key wins when read.
    await expect(world.sign(pdf, { placements: [{ page: 1, x: 10, y: 10 }] })).rejects.toMatchObject({ code: 'PDF_UNREADABLE' });
  });
});

describe('damaged input', () => {
  it.each(['table', 'stream'] as const)('a rebuilt cross-reference chain (xref %s) gets a complete section of its own, not /Prev -1', async (xref) => {
    const original = await samplePdf({ pages: 2, xref });
    const damaged = brokenStartxref(original);
    expect(PdfDocument.open(damaged).reconstructed).toBe(true);
    const signed = await world.sign(damaged);
    expect(lastTrailer(signed)).not.toMatch(/\/Prev/);

    const doc = PdfDocument.open(signed);
    expect(doc.reconstructed).toBe(false);
    expect(doc.revisions).toHaveLength(1);
    // Every object of the original reads as it did (packed ones through their object stream),
    // but those the signature rewrote (the catalog, the page).
    const before = PdfDocument.open(original);
    for (const [num, entry] of before.last.entries) {
      if (entry.kind === 'free' || num === before.last.xrefStream) continue;
      expect(doc.defined(num)).toBe(true);
      const rewritten = (doc.offsetOf(num) ?? 0) >= damaged.length;
      if (!rewritten && !(before.object(num) instanceof PdfStream)) expect(doc.object(num)).toEqual(before.object(num));
    }
    expect(doc.trailer.get('Size')).toBe(highestInUse(doc) + 1);
    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({ coverage: 'whole_revision', modifiedAfter: 'none' });
  });

  it.each(['table', 'stream'] as const)('a file with bytes before its header (xref %s) is updated with offsets counted from the header, as it counts them', async (xref) => {
    const prefixed = withPrefix(await samplePdf({ pages: 2, xref }));
    const signed = await world.sign(prefixed);
    const doc = PdfDocument.open(signed);
    expect(doc.headerOffset).toBeGreaterThan(0);
    expect(doc.revisions).toHaveLength(2);
    expect(doc.last.offsetsFromHeader).toBe(true);
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text(signed))![1]);
    expect(startxref + doc.headerOffset).toBe(doc.last.xrefOffset);
    expect((await verify(signed)).verdict).toBe('valid');
  });

  it('signs a file whose cross-reference stream is deflated without its end (macOS Preview)', async () => {
    const pdf = unterminatedFlatePdf();
    const xrefData = Buffer.from(pdf.subarray(text(pdf).lastIndexOf('stream\n') + 7, text(pdf).lastIndexOf('\nendstream')));
    expect(() => inflateSync(xrefData)).toThrow();
    const doc = PdfDocument.open(pdf);
    expect(doc.reconstructed).toBe(false);
    const signed = await world.sign(pdf);
    expect(PdfDocument.open(signed).revisions).toHaveLength(2);
    expect((await verify(signed)).verdict).toBe('valid');
  });
});
