import { PdfDocument } from '../syntax/document';
import { dict, name, PdfDict, PdfRef } from '../syntax/objects';
import { verifyPdf } from '../verify';
import { readCertification } from '../verify/certification';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
import { certify, formPdf } from '../../../../test-support/pdf/later-revisions';
import { appendRevision } from '../../../../test-support/pdf/tamper';

let world: SigningWorld;
beforeAll(async () => {
  world = await signingWorld();
});

const verify = (pdf: Uint8Array) => verifyPdf(pdf, { trustedRoots: world.trustedRoots, now: world.now });

describe('certifying a document with its first signature (DocMDP)', () => {
  it.each([1, 2, 3] as const)('writes P=%s in the signature reference and names the signature in the catalog’s /Perms, and the verifier reads it', async (level) => {
    const signed = await world.sign(await samplePdf({ pages: 2 }), { certify: { level } });
    const doc = PdfDocument.open(signed);
    const certification = readCertification(doc);
    expect(certification).toMatchObject({ level, levelInvalid: false });
    const sig = doc.dict(certification!.sigRef)!;
    expect(sig.name('SubFilter')).toBe('ETSI.CAdES.detached');
    const reference = doc.dict((doc.resolve(sig.get('Reference')) as PdfDict[])[0])!;
    expect(reference.name('Type')).toBe('SigRef');
    expect(reference.name('TransformMethod')).toBe('DocMDP');
    expect(doc.dict(reference.get('TransformParams'))?.get('P')).toBe(level);
    expect(doc.dict(reference.get('TransformParams'))?.name('V')).toBe('1.2');
    // Certified in the revision the signature covers: the only revision after the original.
    expect(readCertification(doc, 1)?.level).toBe(level);
    expect(readCertification(doc, 0)).toBeNull();

    const report = await verify(signed);
    expect(report.verdict).toBe('valid');
    expect(report.certification).toEqual({ level, fieldName: 'Seal1' });
    expect(report.signatures[0]!.certificationLevel).toBe(level);
  });

  it('keeps the catalog’s other permissions and an AcroForm that was already there', async () => {
    // Usage rights (/UR3) an earlier tool granted, in an indirect /Perms.
    const form = appendRevision(await formPdf(), (doc, u) => {
      const root = doc.trailer.get('Root') as PdfRef;
      const perms = u.add(dict({ UR3: dict({ Type: name('Sig'), Filter: name('Adobe.PPKLite') }) }));
      u.set(root, doc.dict(root)!.clone().set('Perms', perms));
    });
    const signed = await world.sign(form, { certify: { level: 2 } });
    const doc = PdfDocument.open(signed);
    const catalog = doc.dict(doc.trailer.get('Root'))!;
    const fields = doc.resolve(doc.dict(catalog.get('AcroForm'))!.get('Fields')) as PdfRef[];
    expect(fields.map((f) => doc.dict(f)?.name('FT'))).toEqual(['Tx', 'Sig']);
    const perms = doc.dict(catalog.get('Perms'))!;
    expect([...perms.map.keys()]).toEqual(['UR3', 'DocMDP']);
    expect(perms.get('DocMDP')).toBeInstanceOf(PdfRef);
    expect((await verify(signed)).verdict).toBe('valid');
  });

  it.each([2, 3] as const)('lets a later platform signature on a P=%s certified document leave both valid', async (level) => {
    const certified = await world.sign(await samplePdf(), { certify: { level } });
    const twice = await world.sign(certified, { as: 'second' });
    const report = await verify(twice);
    expect(report.verdict).toBe('valid');
    expect(report.signatures.map((s) => [s.indication, s.modifiedAfter, s.certificationLevel])).toEqual([
      ['TOTAL_PASSED', 'signatures_only', level],
      ['TOTAL_PASSED', 'none', null],
    ]);
  });

  it('refuses to add a signature to a document certified with P=1, ours or one certified elsewhere', async () => {
    const ours = await world.sign(await samplePdf(), { certify: { level: 1 } });
    await expect(world.sign(ours, { as: 'second' })).rejects.toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES' });
    const elsewhere = await certify(await formPdf(), world, 1);
    await expect(world.sign(elsewhere)).rejects.toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES' });
  });

  it('refuses to certify a document that already carries a signature or a certification', async () => {
    const signed = await world.sign(await samplePdf());
    await expect(world.sign(signed, { as: 'second', certify: { level: 2 } })).rejects.toMatchObject({ code: 'PDF_CERTIFICATION_NOT_FIRST' });
    const certified = await certify(await formPdf(), world, 3);
    await expect(world.sign(certified, { certify: { level: 3 } })).rejects.toMatchObject({ code: 'PDF_CERTIFICATION_NOT_FIRST' });
    // Without certify, the P=3 document takes a further seal.
    expect((await verify(await world.sign(certified))).verdict).toBe('valid');
  });
});
