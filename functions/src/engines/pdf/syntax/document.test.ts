import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { PdfDocument } from './document';
import { PdfDict, PdfStream } from './objects';
import { decodeStream, inflateTolerant } from './filters';
import { classicPdf, pageCountLie, xrefStreamBomb } from '../../../../test-support/pdf/hostile';
import { samplePdf } from '../../../../test-support/pdf/sample-pdf';
import { appendRevision } from '../../../../test-support/pdf/tamper';
import { requireTools } from '../../../../test-support/tools';

const page = '<</Type/Page/Parent 2 0 R/MediaBox [0 0 200 200]>>';
const simple = ['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', page];
const catalogOf = (doc: PdfDocument) => doc.dict(doc.trailer.get('Root'));

describe('PdfDocument.open on hostile input', () => {
  it('refuses a cross-reference stream claiming two million entries in 4 KB, without reading them', () => {
    const bomb = xrefStreamBomb();
    expect(bomb.length).toBeLessThan(5000);
    expect(() => PdfDocument.open(bomb)).toThrow(expect.objectContaining({ code: 'PDF_UNREADABLE' }));
  });

  it('refuses a page tree whose /Count the file cannot hold, before anyone sizes anything by it', () => {
    expect(() => PdfDocument.open(pageCountLie())).toThrow(expect.objectContaining({ code: 'PDF_UNREADABLE', message: expect.stringContaining('page tree claims 20000000 pages') }));
  });

  it('refuses an xref table subsection longer than the rest of the file', () => {
    const pdf = Buffer.from(classicPdf(simple)).toString('latin1').replace('xref\n0 4', 'xref\n0 9999999');
    expect(() => PdfDocument.open(Buffer.from(pdf, 'latin1'))).toThrow(expect.objectContaining({ code: 'PDF_UNREADABLE' }));
  });

  it('refuses a /W whose rows are empty (every row would be read from nothing)', () => {
    const text = Buffer.from(xrefStreamBomb(10)).toString('latin1').replace('/W [1 0 0]', '/W [0 0 0]');
    // Falls back to scanning, which finds the catalog.
    expect(PdfDocument.open(Buffer.from(text, 'latin1')).reconstructed).toBe(true);
  });
});

describe('PdfDocument.open on damaged files, as viewers read them', () => {
  it('rebuilds the cross-reference table by scanning when startxref points nowhere', () => {
    const text = Buffer.from(classicPdf(simple)).toString('latin1').replace(/startxref\n\d+/, 'startxref\n999999');
    const doc = PdfDocument.open(Buffer.from(text, 'latin1'));
    expect(doc.reconstructed).toBe(true);
    expect(doc.dict(catalogOf(doc)?.get('Pages'))?.get('Count')).toBe(1);
  });

  it('rebuilds when there is no cross-reference at all', () => {
    const text = '%PDF-1.4\n' + simple.map((b, i) => `${i + 1} 0 obj\n${b}\nendobj\n`).join('') + 'trailer\n<</Root 1 0 R>>\n%%EOF\n';
    const doc = PdfDocument.open(Buffer.from(text, 'latin1'));
    expect(catalogOf(doc)?.name('Type')).toBe('Catalog');
  });

  it('finds objects whose cross-reference offsets are wrong', () => {
    const doc = PdfDocument.open(classicPdf(simple, { shift: 3 }));
    expect(doc.reconstructed).toBe(false);
    expect(doc.dict(catalogOf(doc)?.get('Pages'))?.name('Type')).toBe('Pages');
  });

  it('reads a file with bytes before its header and offsets counted from the header', () => {
    const doc = PdfDocument.open(classicPdf(simple, { prefix: 'junk from a mail gateway\r\n' }));
    expect(doc.headerOffset).toBe(26);
    expect(doc.dict(catalogOf(doc)?.get('Pages'))?.get('Count')).toBe(1);
  });

  it('reads an object stream from the xref-stream sample and its objects', async () => {
    const doc = PdfDocument.open(await samplePdf({ pages: 3, xref: 'stream' }));
    expect(doc.last.xrefKind).toBe('stream');
    expect(doc.dict(catalogOf(doc)?.get('Pages'))?.get('Count')).toBe(3);
    expect(doc.objectCount()).toBeGreaterThan(6);
  });

  it('keeps each revision’s view of an object stream whose number a later update redefines', async () => {
    const original = await samplePdf({ pages: 1, xref: 'stream' });
    const doc = PdfDocument.open(original);
    const entry = [...doc.last.entries.values()].find((e) => e.kind === 'compressed') as { stream: number };
    const catalogNum = (doc.trailer.get('Root') as { num: number }).num;
    const updated = appendRevision(original, (_d, u) => u.set({ num: entry.stream, gen: 0 } as never, new PdfStream(new PdfDict(), Buffer.from('garbage'))));
    const later = PdfDocument.open(updated);
    // The newest revision no longer has a valid object stream; the first still reads its catalog.
    expect(later.dict(later.revisions[0]!.trailer.get('Root'), 0)?.name('Type')).toBe('Catalog');
    expect(later.object(catalogNum, 0)).toBeDefined();
  });
});

describe('inflate, tolerant as viewers are', () => {
  const text = Buffer.from('BT /F1 12 Tf 72 700 Td (Hello) Tj ET\n'.repeat(200));

  it('reads an unterminated Flate stream (no end block, no checksum)', () => {
    const z = deflateSync(text);
    const cut = z.subarray(0, z.length - 6);
    const out = Buffer.from(inflateTolerant(cut, 1 << 20)).toString('latin1');
    expect(out.length).toBeGreaterThan(text.length - 200);
    expect(text.toString('latin1').startsWith(out)).toBe(true);
  });

  it('keeps what decompresses before damage part-way', () => {
    const z = Buffer.from(deflateSync(text));
    z.fill(0xff, Math.floor(z.length / 2));
    const out = inflateTolerant(z, 1 << 20);
    expect(out.length).toBeGreaterThan(0);
    expect(text.toString('latin1').startsWith(Buffer.from(out).toString('latin1'))).toBe(true);
  });

  it('refuses to decode past its ceiling', () => {
    const bomb = new PdfStream(new PdfDict(new Map([['Filter', { name: 'FlateDecode' } as never]])), deflateSync(Buffer.alloc(1 << 20)));
    expect(() => decodeStream(bomb, 1000)).toThrow();
  });
});

describe('PdfDocument.open on files written by other tools', () => {
  it('reads qpdf’s cross-reference streams with PNG predictors (a row tag byte each)', async () => {
    requireTools('qpdf');
    const dir = mkdtempSync(join(tmpdir(), 'qpdf-'));
    writeFileSync(join(dir, 'in.pdf'), await samplePdf({ pages: 3, xref: 'table' }));
    execFileSync('qpdf', ['--object-streams=generate', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    const bytes = readFileSync(join(dir, 'out.pdf'));
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Predictor 12/);
    const doc = PdfDocument.open(bytes);
    expect(doc.last.xrefKind).toBe('stream');
    expect(doc.dict(catalogOf(doc)?.get('Pages'))?.get('Count')).toBe(3);
    rmSync(dir, { recursive: true, force: true });
  });
});
