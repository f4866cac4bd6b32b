import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { completeCadesSignature, prepareCadesSignature } from '../../src/engines/pdf/cms/build-signed-data';
import { signMessage } from '../../src/engines/pki/signer';
import { dict, name, PdfDict, PdfRef, PdfStream, PdfString, type PdfValue } from '../../src/engines/pdf/syntax/objects';
import { createTimestampToken } from '../../src/engines/pki/timestamp-token';
import { foreignSign, firstPage } from './foreign-signer';
import type { SigningWorld } from './signed-fixtures';
import { appendRevision } from './tamper';

/**
 * Changes a later revision may make that leave earlier signatures valid (issue 14: an Info update,
 * a DSS, a document timestamp, a later signature), and certified documents to judge them against.
 */

const sha256 = (b: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(b).digest());

/** The document information dictionary rewritten (title and modification date). */
export function updateInfo(pdf: Uint8Array): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const info = doc.trailer.get('Info');
    const current = doc.dict(info) ?? new PdfDict();
    const next = current.clone().set('Title', PdfString.of('采购合同（已归档）')).set('ModDate', PdfString.of('D:20260602080000Z'));
    if (info instanceof PdfRef) u.set(info, next);
    else throw new Error('sample has no Info object');
  });
}

/** A PAdES document security store with the given certificates and one VRI entry. */
export function addDss(pdf: Uint8Array, certificates: Uint8Array[]): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const root = doc.trailer.get('Root') as PdfRef;
    const certs = certificates.map((c) => u.add(new PdfStream(new PdfDict(), c)));
    const vri = dict({ ['A'.repeat(40)]: dict({ Cert: certs }) });
    const dss = u.add(dict({ Type: name('DSS'), Certs: certs, VRI: vri }));
    u.set(root, doc.dict(root)!.clone().set('DSS', dss));
  });
}

/** An XMP metadata stream attached to the catalog. */
export function addMetadata(pdf: Uint8Array): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const root = doc.trailer.get('Root') as PdfRef;
    const xmp = u.add(new PdfStream(dict({ Type: name('Metadata'), Subtype: name('XML') }), Buffer.from('<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"/><?xpacket end="w"?>')));
    u.set(root, doc.dict(root)!.clone().set('Metadata', xmp));
  });
}

/** An object nothing uses (some writers leave them). */
export function addUnusedObject(pdf: Uint8Array): Uint8Array {
  return appendRevision(pdf, (_doc, u) => void u.add(dict({ Orphan: true })));
}

/** An RFC 3161 document timestamp (ETSI.RFC3161) over the whole document, from the world's TSA. */
export function addDocumentTimestamp(pdf: Uint8Array, world: SigningWorld, genTime = world.now): Promise<Uint8Array> {
  return foreignSign(pdf, {
    subFilter: 'ETSI.RFC3161',
    fieldName: 'DocTimeStamp1',
    contents: (content) => createTimestampToken({ signer: world.pki.tsaSigner, tsaCertificate: world.pki.tsa, chain: [world.pki.root], messageImprint: sha256(content), genTime }),
  });
}

/** A certification (DocMDP /P) by the world's seal, as the first signature: CAdES with a timestamp. */
export function certify(pdf: Uint8Array, world: SigningWorld, level: 1 | 2 | 3): Promise<Uint8Array> {
  return foreignSign(pdf, {
    subFilter: 'ETSI.CAdES.detached',
    certify: level,
    fieldName: 'Certification',
    signingTime: world.now,
    contents: async (content) => {
      const prepared = prepareCadesSignature({ algorithm: world.pki.sealSigner.algorithm, contentDigest: sha256(content), certificateChain: [world.pki.seal, world.pki.root] });
      const signature = await signMessage(world.pki.sealSigner, prepared.signedBytes);
      return completeCadesSignature(prepared, signature, (imprint) =>
        createTimestampToken({ signer: world.pki.tsaSigner, tsaCertificate: world.pki.tsa, chain: [world.pki.root], messageImprint: imprint, genTime: world.now }),
      );
    },
  });
}

/** A one-page document with a text field "amount" holding "100". */
export async function formPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Amount due:', { x: 72, y: 760, size: 14, font });
  const field = doc.getForm().createTextField('amount');
  field.setText('100');
  field.addToPage(page, { x: 180, y: 750, width: 200, height: 24, font });
  doc.setModificationDate(new Date('2026-01-01T00:00:00Z'));
  return doc.save({ useObjectStreams: false });
}

/** Fills the text field "amount" as a viewer does: a new value and a new appearance. */
export function fillAmount(pdf: Uint8Array, value: string): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const form = doc.dict(doc.dict(doc.trailer.get('Root'))!.get('AcroForm'))!;
    const fieldRef = (doc.resolve(form.get('Fields')) as PdfValue[]).find((f) => (doc.dict(f)?.get('T') as PdfString | undefined)?.text() === 'amount') as PdfRef;
    const field = doc.dict(fieldRef)!;
    const ap = u.add(new PdfStream(dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 200, 24] }), Buffer.from(`/Tx BMC BT /Helv 12 Tf 2 6 Td (${value}) Tj ET EMC`)));
    u.set(fieldRef, field.clone().set('V', PdfString.of(value)).set('AP', dict({ N: ap })));
  });
}

/** A sticky note on page 1 (an annotation, not a form field). */
export function addNote(pdf: Uint8Array): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const pageRef = firstPage(doc);
    const page = doc.dict(pageRef)!;
    const note = u.add(dict({ Type: name('Annot'), Subtype: name('Text'), Rect: [500, 780, 520, 800], Contents: PdfString.of('已审阅') }));
    const annots = page.get('Annots');
    if (annots instanceof PdfRef) u.set(annots, [...((doc.resolve(annots) as PdfValue[]) ?? []), note]);
    else u.set(pageRef, page.clone().set('Annots', [...((annots as PdfValue[] | undefined) ?? []), note]));
  });
}

/** /Perms /DocMDP written into the catalog after the document was signed. */
export function addPermsLater(pdf: Uint8Array): Uint8Array {
  return appendRevision(pdf, (doc, u) => {
    const root = doc.trailer.get('Root') as PdfRef;
    const form = doc.dict(doc.dict(root)!.get('AcroForm'))!;
    const field = doc.dict((doc.resolve(form.get('Fields')) as PdfValue[])[0])!;
    u.set(root, doc.dict(root)!.clone().set('Perms', dict({ DocMDP: field.get('V')! })));
  });
}
