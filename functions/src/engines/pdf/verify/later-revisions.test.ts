import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { addDocumentTimestamp, addDss, addMetadata, addNote, addPermsLater, addUnusedObject, certify, fillAmount, formPdf, updateInfo } from '../../../../test-support/pdf/later-revisions';
import { appendRevision } from '../../../../test-support/pdf/tamper';
import { classicPdf } from '../../../../test-support/pdf/hostile';
import { dict, name, PdfRef, PdfString } from '../syntax/objects';
import { PdfDocument } from '../syntax/document';
import { readCertification } from './certification';
import { verifyPdf } from '../verify';

// The later signatures here come from a tool that ignores DocMDP, as an attacker's would: the
// platform's own signer refuses a P=1 document (sign/certification.test.ts).
jest.mock('../sign/certification', () => ({ ...jest.requireActual('../sign/certification'), checkCertification: () => undefined }));

let world: SigningWorld;
let signed: Uint8Array;
const verify = (bytes: Uint8Array) => verifyPdf(bytes, { trustedRoots: world.trustedRoots, now: world.now });
const summary = async (bytes: Uint8Array) => (await verify(bytes)).signatures.map((s) => [s.fieldName, s.indication, s.modifiedAfter, s.modifications.map((m) => m.code)]);

beforeAll(async () => {
  world = await signingWorld();
  signed = await world.sign(await samplePdf({ xref: 'table' }));
});

describe('benign changes after signing keep the signature valid', () => {
  it.each([
    ['an Info update', () => updateInfo(signed), 'ltv_updates', 'INFO_UPDATED'],
    ['a DSS with certificates and a VRI entry', () => addDss(signed, [world.pki.root, world.pki.seal]), 'ltv_updates', 'DSS_UPDATED'],
    ['an XMP metadata stream', () => addMetadata(signed), 'ltv_updates', 'METADATA_UPDATED'],
    ['an object nothing uses', () => addUnusedObject(signed), 'ltv_updates', 'UNUSED_OBJECT_ADDED'],
    ['a document timestamp', () => addDocumentTimestamp(signed, world), 'ltv_updates', 'DOCUMENT_TIMESTAMP_ADDED'],
    ['a later signature of another company', () => world.sign(signed, { as: 'second' }), 'signatures_only', 'SIGNATURE_ADDED'],
  ] as const)('%s', async (_label, change, level, code) => {
    const report = await verify(await change());
    expect(report.verdict).toBe('valid');
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_PASSED', modifiedAfter: level });
    expect(report.signatures[0]!.modifications.map((m) => m.code)).toEqual([code]);
  });

  it('an object rewritten identically is no change at all', async () => {
    const same = appendRevision(signed, (doc, u) => {
      const root = doc.trailer.get('Root') as PdfRef;
      u.set(root, doc.dict(root)!.clone());
    });
    expect(await summary(same)).toEqual([['Seal1', 'TOTAL_PASSED', 'none', []]]);
  });

  it('reports a document timestamp as a signature of its own kind, passed', async () => {
    const report = await verify(await addDocumentTimestamp(signed, world));
    expect(report.signatures[1]).toMatchObject({ kind: 'document_timestamp', subFilter: 'ETSI.RFC3161', indication: 'TOTAL_PASSED', coversWholeDocument: true, timestamp: { valid: true } });
  });

  it('fails a form field filled after an approval signature: the platform allows signatures only', async () => {
    const report = await verify(fillAmount(await world.sign(await formPdf()), '1000000'));
    expect(report.signatures[0]).toMatchObject({ indication: 'TOTAL_FAILED', modifiedAfter: 'form_filling' });
    expect(report.signatures[0]!.findings.map((f) => f.code)).toEqual(['MODIFIED_AFTER_SIGNING']);
  });
});

describe('certification (DocMDP) judged against P', () => {
  let certified: Record<1 | 2 | 3, Uint8Array>;
  beforeAll(async () => {
    const form = await formPdf();
    certified = { 1: await certify(form, world, 1), 2: await certify(form, world, 2), 3: await certify(form, world, 3) };
  });

  it('reads the level from /Perms and the signature reference, as the sign side will', () => {
    expect(([1, 2, 3] as const).map((p) => readCertification(PdfDocument.open(certified[p]))?.level)).toEqual([1, 2, 3]);
    expect(readCertification(PdfDocument.open(signed))).toBeNull();
  });

  it('reports the certification level on the document and on its signature', async () => {
    const report = await verify(certified[2]);
    expect(report.certification).toEqual({ level: 2, fieldName: 'Certification' });
    expect(report.signatures[0]!.certificationLevel).toBe(2);
  });

  // [P, change, what the certification signature must say]
  const matrix: [1 | 2 | 3, string, 'TOTAL_PASSED' | 'TOTAL_FAILED'][] = [
    [1, 'signature', 'TOTAL_FAILED'],
    [1, 'form', 'TOTAL_FAILED'],
    [1, 'note', 'TOTAL_FAILED'],
    [1, 'timestamp', 'TOTAL_PASSED'],
    [1, 'dss', 'TOTAL_PASSED'],
    [2, 'signature', 'TOTAL_PASSED'],
    [2, 'form', 'TOTAL_PASSED'],
    [2, 'note', 'TOTAL_FAILED'],
    [3, 'signature', 'TOTAL_PASSED'],
    [3, 'form', 'TOTAL_PASSED'],
    [3, 'note', 'TOTAL_PASSED'],
  ];
  const change = (pdf: Uint8Array, what: string): Promise<Uint8Array> | Uint8Array =>
    what === 'signature' ? world.sign(pdf, { as: 'second' }) : what === 'form' ? fillAmount(pdf, '1000000') : what === 'note' ? addNote(pdf) : what === 'timestamp' ? addDocumentTimestamp(pdf, world) : addDss(pdf, [world.pki.root]);

  it.each(matrix)('P=%s, then a later %s → %s', async (p, what, expected) => {
    const report = await verify(await change(certified[p], what));
    const cert = report.signatures[0]!;
    expect(cert.indication).toBe(expected);
    if (expected === 'TOTAL_FAILED') expect(cert.findings.map((f) => [f.code, f.subIndication])).toEqual([['DOCMDP_VIOLATION', 'HASH_FAILURE']]);
  });

  it('does not take a /Perms written after signing as a certification, and reports it as a change', async () => {
    const report = await verify(addPermsLater(signed));
    expect(report.certification).toBeNull();
    expect(report.signatures[0]!.modifications.map((m) => m.code)).toEqual(['CERTIFICATION_ADDED']);
    expect(report.verdict).toBe('invalid');
  });
});

describe('objects judged by what they are and every place they are used', () => {
  it('does not let an Info dictionary that is also a widget’s caption change as "Info"', async () => {
    const pdf = classicPdf(
      [
        '<</Type/Catalog/Pages 2 0 R/AcroForm <</Fields [6 0 R]>>>>',
        '<</Type/Pages/Kids [3 0 R]/Count 1>>',
        '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Annots [6 0 R]>>',
        '<</Title (Contract)>>',
        '<</Length 0>>\nstream\n\nendstream',
        '<</Type/Annot/Subtype/Widget/FT/Btn/Ff 65536/T (ok)/Rect [10 10 100 40]/MK 4 0 R/P 3 0 R>>',
      ],
      { trailer: '/Info 4 0 R' },
    );
    const changed = appendRevision(await world.sign(pdf), (_doc, u) => u.set(new PdfRef(4, 0), dict({ Title: PdfString.of('Contract'), CA: PdfString.of('PAY 1,000,000') })));
    const report = await verify(changed);
    expect(report.signatures[0]!.modifications).toContainEqual(expect.objectContaining({ code: 'OBJECT_ALIASED', object: 4 }));
    expect(report.verdict).toBe('invalid');
  });

  it('lets a real Info dictionary change when the trailer is its only use', async () => {
    expect((await verify(updateInfo(signed))).verdict).toBe('valid');
  });

  it('keeps an earlier revision’s widget list: removing a signature widget from the page is a change', async () => {
    const twice = await world.sign(signed, { as: 'second' });
    const removed = appendRevision(twice, (doc, u) => {
      const kids = doc.resolve(doc.dict(doc.dict(doc.trailer.get('Root'))!.get('Pages'))!.get('Kids')) as PdfRef[];
      const page = doc.dict(kids[0])!;
      u.set(kids[0]!, page.clone().set('Annots', []).set('Type', name('Page')));
    });
    expect((await summary(removed))[0]![1]).toBe('TOTAL_FAILED');
  });
});
