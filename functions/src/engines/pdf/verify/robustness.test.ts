import { PdfInputError } from '../errors';
import { handmadePdf } from '../../../../test-support/pdf/handmade-pdf';
import { pageCountLie, xrefStreamBomb } from '../../../../test-support/pdf/hostile';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { verifyPdf } from '../verify';

let world: SigningWorld;
let signedTwice: Uint8Array;
beforeAll(async () => {
  world = await signingWorld();
  signedTwice = await world.sign(await world.sign(await samplePdf({ xref: 'table' })), { as: 'second' });
});
const verify = (bytes: Uint8Array, maxBytes?: number) => verifyPdf(bytes, { trustedRoots: world.trustedRoots, now: world.now, maxBytes });
const page = '<</Type/Page/Parent 2 0 R/MediaBox [0 0 200 200]>>';

describe('verifyPdf on bad input', () => {
  it.each([
    ['a text file', new TextEncoder().encode('这不是 PDF'), 'PDF_UNREADABLE'],
    ['an empty file', new Uint8Array(0), 'PDF_UNREADABLE'],
    ['a PDF header and nothing else', new TextEncoder().encode('%PDF-1.7\n'), 'PDF_UNREADABLE'],
  ])('refuses %s as unreadable', async (_label, bytes, code) => {
    await expect(verify(bytes)).rejects.toMatchObject({ name: 'PdfInputError', code });
  });

  it('never calls a truncated signed document valid', async () => {
    const report = await verify(signedTwice.subarray(0, Math.floor(signedTwice.length * 0.6))).catch((e: PdfInputError) => e);
    if (report instanceof PdfInputError) expect(report.code).toMatch(/PDF_UNREADABLE|PDF_NOT_SIGNED/);
    else expect(report.verdict).not.toBe('valid');
  });

  it('refuses an encrypted document', async () => {
    const pdf = handmadePdf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', page, '<</Filter/Standard/V 2/R 3>>'], '/Encrypt 4 0 R');
    await expect(verify(pdf)).rejects.toMatchObject({ code: 'PDF_ENCRYPTED' });
  });

  it('refuses a document over the size limit', async () => {
    await expect(verify(signedTwice, 1024)).rejects.toMatchObject({ code: 'PDF_TOO_LARGE' });
  });

  it('refuses deeply nested objects without exhausting the stack', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const pdf = handmadePdf([`<</Type/Catalog/Pages 2 0 R/AcroForm <</Fields ${deep}>>>>`, '<</Type/Pages/Kids [3 0 R]/Count 1>>', page]);
    await expect(verify(pdf)).rejects.toBeInstanceOf(PdfInputError);
  });

  it('rebuilds a cross-reference chain that loops instead of following it forever', async () => {
    const pdf = Buffer.from(handmadePdf(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', page])).toString('latin1');
    const xrefAt = pdf.lastIndexOf('xref\n0');
    const looped = pdf.replace('/Root 1 0 R', `/Root 1 0 R/Prev ${xrefAt}`);
    await expect(verify(new Uint8Array(Buffer.from(looped, 'latin1')))).rejects.toMatchObject({ code: 'PDF_NOT_SIGNED' });
  });

  it('says an unsigned document is not signed', async () => {
    await expect(verify(await samplePdf())).rejects.toMatchObject({ code: 'PDF_NOT_SIGNED' });
  });
});

describe('verifyPdf on hostile and damaged signed files', () => {
  it('refuses the 4 KB cross-reference stream claiming two million entries (422 PDF_UNREADABLE)', async () => {
    await expect(verify(xrefStreamBomb())).rejects.toMatchObject({ name: 'PdfInputError', code: 'PDF_UNREADABLE' });
  });

  it('refuses ten revisions of that stream, each /Prev the one before (422 PDF_UNREADABLE)', async () => {
    await expect(verify(xrefStreamBomb(1_999_999, 10))).rejects.toMatchObject({ name: 'PdfInputError', code: 'PDF_UNREADABLE' });
  });

  it('refuses a page tree claiming 20,000,000 pages (422 PDF_UNREADABLE)', async () => {
    await expect(verify(pageCountLie())).rejects.toMatchObject({ code: 'PDF_UNREADABLE' });
  });

  it('verifies a signed file with bytes before its header: the signed ranges are the file’s own offsets', async () => {
    // Offsets in the cross-reference tables are then wrong by the prefix; objects are found by scanning.
    const shifted = new Uint8Array(Buffer.concat([Buffer.from('GARBAGE\n'), signedTwice]));
    const report = await verify(shifted);
    // The prefix moves every signed byte: both signatures fail on their digest, none is valid.
    expect(report.signatures.map((s) => s.verdict)).toEqual(['invalid', 'invalid']);
  });

  it('still reads a signed file whose last startxref was damaged, from the rebuilt table, and judges every signature', async () => {
    const text = Buffer.from(signedTwice).toString('latin1');
    const at = text.lastIndexOf('startxref');
    const damaged = Buffer.from(text.slice(0, at) + text.slice(at).replace(/startxref\s+\d+/, (m) => m.replace(/\d/g, '9')), 'latin1');
    const report = await verify(damaged);
    // The first signature's bytes are untouched; the last one covered the damaged startxref. The
    // rebuilt table has no revisions to tell apart, so neither can be valid.
    expect(report.signatures.map((s) => [s.fieldName, s.integrity])).toEqual([
      ['Seal1', 'intact'],
      ['Seal2', 'broken'],
    ]);
    expect(report.signatures.map((s) => s.verdict)).toEqual(['invalid', 'invalid']);
  });
});
