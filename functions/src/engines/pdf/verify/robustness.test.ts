import { PdfInputError } from '../errors';
import { handmadePdf } from '../../../../test-support/pdf/handmade-pdf';
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
