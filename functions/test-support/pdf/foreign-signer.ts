import { PdfDocument } from '../../src/engines/pdf/syntax/document';
import { dict, name, pdfDate, PdfDict, PdfRef, PdfString, type PdfValue } from '../../src/engines/pdf/syntax/objects';
import { IncrementalUpdate } from '../../src/engines/pdf/sign/incremental-update';
import { CONTENTS_BYTES, fillByteRange, fillContents, locatePlaceholder } from '../../src/engines/pdf/sign/signature-placeholder';

export interface ForeignSignOptions {
  subFilter?: 'adbe.pkcs7.detached' | 'ETSI.CAdES.detached' | 'adbe.pkcs7.sha1' | 'ETSI.RFC3161';
  /** The /Contents blob for the signed bytes (the two byte ranges joined). */
  contents: (signedBytes: Buffer) => Uint8Array | Promise<Uint8Array>;
  /** Makes this the certification signature with DocMDP /P. */
  certify?: 1 | 2 | 3;
  fieldName?: string;
  signingTime?: Date;
  /** Further changes made in the same revision, before it is signed. */
  extra?: (doc: PdfDocument, update: IncrementalUpdate) => void;
}

/**
 * A signer that is not the platform's: an invisible signature field on page 1 whose /Contents
 * comes from elsewhere (openssl cms, an RFC 3161 token), in one incremental update. The tests use
 * it for signatures "made elsewhere" and for certifications, which the platform does not make yet.
 */
export async function foreignSign(pdf: Uint8Array, o: ForeignSignOptions): Promise<Uint8Array> {
  const doc = PdfDocument.open(pdf);
  const update = new IncrementalUpdate(doc);
  const subFilter = o.subFilter ?? 'adbe.pkcs7.detached';
  const timestamp = subFilter === 'ETSI.RFC3161';
  const sig = dict({
    Type: name(timestamp ? 'DocTimeStamp' : 'Sig'),
    Filter: name('Adobe.PPKLite'),
    SubFilter: name(subFilter),
    ByteRange: [0, 9999999999, 9999999999, 9999999999],
    Contents: new PdfString(new Uint8Array(CONTENTS_BYTES), true),
    ...(timestamp ? {} : { M: pdfDate(o.signingTime ?? new Date()) }),
  });
  if (o.certify) {
    sig.set('Reference', [dict({ Type: name('SigRef'), TransformMethod: name('DocMDP'), TransformParams: dict({ Type: name('TransformParams'), P: o.certify, V: name('1.2') }) })]);
  }
  const sigRef = update.add(sig);
  const root = doc.trailer.get('Root') as PdfRef;
  const catalog = doc.dict(root)!;
  const pageRef = firstPage(doc);
  const page = doc.dict(pageRef)!;
  const formValue = catalog.get('AcroForm');
  const form = doc.dict(formValue)?.clone() ?? new PdfDict();
  const fieldsValue = form.get('Fields');
  const fields = (doc.resolve(fieldsValue) as PdfValue[] | undefined) ?? [];
  const field = update.add(
    dict({
      Type: name('Annot'),
      Subtype: name('Widget'),
      FT: name('Sig'),
      T: PdfString.of(o.fieldName ?? `Foreign${fields.length + 1}`),
      V: sigRef,
      Rect: [0, 0, 0, 0],
      F: 132,
      P: pageRef,
    }),
  );
  if (fieldsValue instanceof PdfRef) update.set(fieldsValue, [...fields, field]);
  else form.set('Fields', [...fields, field]);
  form.set('SigFlags', 3);
  let newCatalog = catalog.clone();
  if (formValue instanceof PdfRef) update.set(formValue, form);
  else newCatalog = newCatalog.set('AcroForm', form);
  if (o.certify) newCatalog.set('Perms', dict({ DocMDP: sigRef }));
  if (newCatalog.map.size !== catalog.map.size || o.certify || !(formValue instanceof PdfRef)) update.set(root, newCatalog);
  const annots = page.get('Annots');
  if (annots instanceof PdfRef) update.set(annots, [...((doc.resolve(annots) as PdfValue[]) ?? []), field]);
  else update.set(pageRef, page.clone().set('Annots', [...((annots as PdfValue[] | undefined) ?? []), field]));
  o.extra?.(doc, update);

  const { bytes: tail, offsets } = update.write();
  const out = Buffer.concat([pdf, tail]);
  const placeholder = locatePlaceholder(out, offsets.get(sigRef.num)!);
  const [, a, b] = fillByteRange(out, placeholder);
  fillContents(out, placeholder, await o.contents(Buffer.concat([out.subarray(0, a), out.subarray(b)])));
  return new Uint8Array(out);
}

export function firstPage(doc: PdfDocument): PdfRef {
  let node = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('Pages'));
  let ref: PdfValue | undefined;
  for (let i = 0; i < 32 && node && node.name('Type') !== 'Page'; i++) {
    ref = (doc.resolve(node.get('Kids')) as PdfValue[])[0];
    node = doc.dict(ref);
  }
  return ref as PdfRef;
}
