import { createHash } from 'node:crypto';
import { PdfDocument } from '../syntax/document';
import type { PdfRef, PdfValue } from '../syntax/objects';
import { findSignatures } from '../verify/find-signatures';
import { verifyPdf } from '../verify';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { PdfInputError } from '../errors';

let world: SigningWorld;
beforeAll(async () => {
  world = await signingWorld();
});

describe('signPdf', () => {
  it.each(['table', 'stream'] as const)('appends a PAdES signature as an incremental update (xref %s)', async (xref) => {
    const pdf = await samplePdf({ pages: 2, xref });
    const signed = await world.sign(pdf);
    expect(Buffer.from(signed.subarray(0, pdf.length)).equals(Buffer.from(pdf))).toBe(true);
    const doc = PdfDocument.open(signed);
    expect(doc.revisions).toHaveLength(2);
    expect(doc.last.xrefKind).toBe(xref);
    const [sig] = findSignatures(doc);
    expect(sig!.sig.name('SubFilter')).toBe('ETSI.CAdES.detached');
    const report = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({ integrity: 'intact', coverage: 'whole_revision', modifiedAfter: 'none', timestamp: { valid: true } });
  });

  it('continues a running hash of the input rather than hashing it again, and the signature verifies', async () => {
    const pdf = await samplePdf({ pages: 2 });
    const signed = await world.sign(pdf, { pdfSha256: createHash('sha256').update(pdf) });
    expect((await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now })).verdict).toBe('valid');
    // A running hash of other bytes makes a signature that does not verify: the digest really came from it.
    const wrong = await world.sign(pdf, { pdfSha256: createHash('sha256').update(new Uint8Array(pdf.length)) });
    expect((await verifyPdf(wrong, { trustedRoots: world.trustedRoots, now: world.now })).verdict).not.toBe('valid');
  });

  it.each(['table', 'stream'] as const)('keeps the first signature valid when a second company signs (xref %s)', async (xref) => {
    const twice = await world.sign(await world.sign(await samplePdf({ xref })), { as: 'second' });
    const report = await verifyPdf(twice, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.seal.name, s.signer.organization, s.modifiedAfter])).toEqual([
      ['合同专用章', '深圳市示例科技有限公司', 'signatures_only'],
      ['法定名称章', '深圳市前海另一家贸易有限公司', 'none'],
    ]);
  });

  it('puts one slice of a cross-page seal on every page, all under one signature', async () => {
    const signed = await world.sign(await samplePdf({ pages: 4 }), { placements: [], crossPage: true });
    const doc = PdfDocument.open(signed);
    const sigs = findSignatures(doc);
    expect(sigs).toHaveLength(1);
    const form = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('AcroForm'));
    const [fieldRef] = doc.resolve(form?.get('Fields')) as PdfValue[];
    const widgets = doc.resolve(doc.dict(fieldRef)?.get('Kids')) as PdfValue[];
    const pages = widgets.map((w) => (doc.dict(w)?.get('P') as PdfRef).num);
    expect(new Set(pages).size).toBe(4);
    const report = await verifyPdf(signed, { trustedRoots: world.trustedRoots, now: world.now });
    expect(report.verdict).toBe('valid');
  });

  it('refuses a page the document does not have', async () => {
    await expect(world.sign(await samplePdf({ pages: 1 }), { placements: [{ page: 3, x: 0, y: 0 }] })).rejects.toMatchObject({ code: 'PDF_PAGE_NOT_FOUND' });
  });

  it('refuses input that is not a PDF', async () => {
    await expect(world.sign(new TextEncoder().encode('hello'))).rejects.toBeInstanceOf(PdfInputError);
  });
});
