import { zipSync, strToU8, type Zippable } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import * as inBrowser from './index';

type OfdViewModule = typeof inBrowser;
const WEB_GLOBALS = ['TextDecoder', 'TextEncoder', 'btoa', 'atob'] as const;

/**
 * WeChat's mini-program runtime has none of TextDecoder, TextEncoder, btoa and atob: a copy of the
 * renderer (and of fflate, which looks for TextDecoder when it loads) is loaded with them deleted
 * from globalThis, and every test below runs with it too, the globals still deleted (decision 0240).
 */
const withoutWebGlobals = {
  saved: {} as Record<string, unknown>,
  lib: undefined as OfdViewModule | undefined,
  enter() {
    for (const name of WEB_GLOBALS) {
      this.saved[name] = globalThis[name];
      delete (globalThis as Record<string, unknown>)[name];
    }
    jest.isolateModules(() => {
      this.lib = jest.requireActual<OfdViewModule>('./index');
    });
  },
  leave() {
    Object.assign(globalThis, this.saved);
  },
};

let lib: OfdViewModule = inBrowser;
const RUNTIMES: [string, () => void, () => void][] = [
  ['a browser', () => (lib = inBrowser), () => undefined],
  [
    'WeChat’s runtime (no TextDecoder, TextEncoder, btoa, atob)',
    () => {
      withoutWebGlobals.enter();
      lib = withoutWebGlobals.lib!;
    },
    () => {
      withoutWebGlobals.leave();
      lib = inBrowser;
    },
  ],
];

// A 1×1 red PNG.
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const PNG = Uint8Array.from(atob(PNG_BASE64), (c) => c.charCodeAt(0));

// DER, enough to write the shape of a GB/T 38540 SES_Seal (the sample files' seals are read in the
// mini-program's test, which may read files: shared/ stays browser-only).
const der = (tag: number, body: Uint8Array): Uint8Array => {
  const length = body.length < 128 ? [body.length] : [0x82, body.length >> 8, body.length & 0xff];
  return Uint8Array.from([tag, ...length, ...body]);
};
const seq = (...items: Uint8Array[]) => der(0x30, Uint8Array.from(items.flatMap((i) => [...i])));
const ia5 = (text: string) => der(0x16, strToU8(text));
/** SES_Seal { SES_SealInfo { header, esID, property, picture { type, data, width, height } }, signInfo }. */
const SEAL_ESL = seq(
  seq(seq(ia5('ES')), ia5('esid-1'), seq(), seq(ia5('PNG'), der(0x04, PNG), der(0x02, Uint8Array.of(40)), der(0x02, Uint8Array.of(40)))),
  seq(),
);
const NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';

/** A one-page OFD: a background template, text, a path, an image, and a seal signature's stamp. */
function knownOfd(extra: Zippable = {}): Uint8Array {
  return zipSync({
    'OFD.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><ofd:OFD ${NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot><ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures></ofd:DocBody></ofd:OFD>`,
    ),
    'Doc_0/Document.xml': strToU8(
      `<ofd:Document ${NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:TemplatePage ID="9" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="7" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>`,
    ),
    'Doc_0/PublicRes.xml': strToU8(
      `<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="3" FontName="宋体" FamilyName="宋体"/></ofd:Fonts></ofd:Res>`,
    ),
    'Doc_0/DocumentRes.xml': strToU8(
      `<ofd:Res ${NS} BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="5" Type="Image"><ofd:MediaFile>logo.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`,
    ),
    'Doc_0/Res/logo.png': PNG,
    'Doc_0/Tpls/Tpl_0/Content.xml': strToU8(
      `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="20"><ofd:TextObject ID="21" Boundary="10 280 100 10" Font="3" Size="4"><ofd:TextCode X="0" Y="4">模板页脚</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`,
    ),
    'Doc_0/Pages/Page_0/Content.xml': strToU8(
      `<ofd:Page ${NS}><ofd:Template TemplateID="9" ZOrder="Background"/><ofd:Content><ofd:Layer ID="2">` +
        `<ofd:TextObject ID="4" Boundary="31.7 25.4 40.5 5" Font="3" Size="3"><ofd:FillColor Value="0 0 255"/><ofd:TextCode X="0" Y="3" DeltaX="g 2 3 1.5">合同甲方</ofd:TextCode></ofd:TextObject>` +
        `<ofd:PathObject ID="6" Boundary="20 100 70 30" Fill="true" Stroke="false"><ofd:FillColor Value="255 0 0"/><ofd:AbbreviatedData>M 0 0 L 70 0 B 70 10 60 30 50 30 C</ofd:AbbreviatedData></ofd:PathObject>` +
        `<ofd:ImageObject ID="8" Boundary="120 40 40 20" CTM="40 0 0 20 0 0" ResourceID="5"/>` +
        `</ofd:Layer></ofd:Content></ofd:Page>`,
    ),
    'Doc_0/Signs/Signatures.xml': strToU8(
      `<ofd:Signatures ${NS}><ofd:Signature ID="1" Type="Seal" BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"/></ofd:Signatures>`,
    ),
    'Doc_0/Signs/Sign_0/Signature.xml': strToU8(
      `<ofd:Signature ${NS}><ofd:SignedInfo><ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal><ofd:StampAnnot ID="s1" PageRef="7" Boundary="140 200 40 40"/></ofd:SignedInfo><ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>`,
    ),
    'Doc_0/Signs/Sign_0/Seal.esl': SEAL_ESL,
    ...extra,
  });
}

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: () => true });
const svgOf = (bytes: Uint8Array, page = 0) => lib.openOfdView(bytes).pages[page]!.svg();
/** Every element called `name` in the SVG, with the translate of the <g> that holds it. */
function find(svg: string, name: string): { node: Node; at?: [number, number] }[] {
  const out: { node: Node; at?: [number, number] }[] = [];
  const walk = (node: Node, at?: [number, number]) => {
    const move = /^translate\(([-\d.]+) ([-\d.]+)\)/.exec(String(node.transform ?? ''));
    const here: [number, number] | undefined = move ? [Number(move[1]), Number(move[2])] : at;
    for (const [key, value] of Object.entries(node)) {
      if (!Array.isArray(value)) continue;
      for (const child of value as Node[]) {
        if (typeof child !== 'object') continue;
        if (key === name) out.push({ node: child, at: here });
        walk(child, here);
      }
    }
  };
  walk(parser.parse(svg) as Node);
  return out;
}

describe.each(RUNTIMES)('in %s', (_runtime, enter, leave) => {
  beforeAll(enter);
  afterAll(leave);

  describe('OFD pages drawn as SVG', () => {
    it('draws the text where TextCode puts it, each character stepped by DeltaX, in the font and colour of the object', () => {
      const view = lib.openOfdView(knownOfd());
      expect(view.pages).toHaveLength(1);
      expect(view.pages[0]!.box).toEqual([0, 0, 210, 297]);
      const svg = view.pages[0]!.svg();
      expect(svg).toContain('viewBox="0 0 210 297"');
      const texts = find(svg, 'text');
      const contract = texts.find((t) => (t.node['#text'] as string[] | string).toString() === '合同甲方')!;
      expect(contract).toBeDefined();
      // Boundary origin (31.7, 25.4) plus TextCode X/Y; 'g 2 3' then 1.5 mm steps.
      expect(contract.at).toEqual([31.7, 25.4]);
      expect(contract.node.x).toEqual(['0 3 6 7.5']);
      expect(contract.node.y).toEqual(['3 3 3 3']);
      expect(svg).toMatch(/font-family="&quot;宋体&quot;, [^"]*serif" font-size="3" fill="rgb\(0,0,255\)"/);
    });

    it('draws the background template under the page content', () => {
      const svg = svgOf(knownOfd());
      expect(svg.indexOf('模板页脚')).toBeGreaterThan(0);
      expect(svg.indexOf('模板页脚')).toBeLessThan(svg.indexOf('合同甲方'));
    });

    it('draws the path from AbbreviatedData (B is a cubic Bézier, C closes) with its fill', () => {
      const [path] = find(svgOf(knownOfd()), 'path');
      expect(path!.at).toEqual([20, 100]);
      expect(path!.node).toMatchObject({ d: ['M 0 0 L 70 0 C 70 10 60 30 50 30 Z'], fill: ['rgb(255,0,0)'], stroke: ['none'] });
    });

    it('draws the image resource in its boundary, scaled by the CTM', () => {
      const svg = svgOf(knownOfd());
      const images = find(svg, 'image').filter((i) => String(i.node.href).startsWith('data:image/png;base64,iVBORw0KGgo'));
      expect(images.length).toBeGreaterThanOrEqual(1);
      expect(svg).toContain('transform="translate(120 40) matrix(40 0 0 20 0 0)"><image x="0" y="0" width="1" height="1"');
    });

    it('draws an earlier seal signature’s stamp with its seal’s picture at the StampAnnot boundary', () => {
      const svg = svgOf(knownOfd());
      const stamp = find(svg, 'g').find((g) => g.node.class?.toString() === 'ofd-stamp')!;
      expect(stamp.node.transform).toEqual(['translate(140 200)']);
      const [picture] = find(svg, 'image').filter((i) => i.at?.[0] === 140 && i.at?.[1] === 200);
      expect(picture!.node).toMatchObject({ width: ['40'], height: ['40'] });
      expect(String(picture!.node.href)).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    });

    it('never lets a page’s text become markup', () => {
      const page = `<ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="4" Boundary="0 0 50 5" Font="3" Size="3"><ofd:TextCode X="0" Y="3">&lt;script&gt;x&lt;/script&gt;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
      const svg = svgOf(knownOfd({ 'Doc_0/Pages/Page_0/Content.xml': strToU8(page) }));
      expect(svg).not.toContain('<script');
      expect(svg).toContain('&lt;script&gt;');
    });
  });

  describe('embedded fonts', () => {
    /** An sfnt's header and table directory (the tables themselves are the browser's business, tested in the journey). */
    const sfnt = (version: string, tables: string[]) =>
      Uint8Array.from([
        ...(version === 'ttf' ? [0, 1, 0, 0] : strToU8(version)),
        0,
        tables.length,
        0,
        0,
        0,
        0,
        0,
        0,
        ...tables.flatMap((t) => [...strToU8(t), ...new Array<number>(12).fill(0)]),
      ]);
    const BROWSER_TABLES = ['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'OS/2', 'post'];
    const TTF = sfnt('ttf', BROWSER_TABLES);
    /** A WOFF header (44 bytes, numTables at 12) and its 20-byte directory entries. */
    const WOFF = Uint8Array.from([
      ...strToU8('wOFF'),
      ...new Array<number>(8).fill(0),
      0,
      BROWSER_TABLES.length,
      ...new Array<number>(30).fill(0),
      ...BROWSER_TABLES.flatMap((t) => [...strToU8(t), ...new Array<number>(16).fill(0)]),
    ]);
    const OTF = sfnt('OTTO', ['CFF ', ...BROWSER_TABLES.filter((t) => t !== 'glyf' && t !== 'loca')]);
    // Worked out while the suite is collected, before a runtime without btoa is entered.
    const [TTF_BASE64, OTF_BASE64] = [TTF, OTF].map((bytes) => btoa(String.fromCharCode(...bytes)));
    const withFonts = (fonts: string, files: Zippable) =>
      knownOfd({ 'Doc_0/PublicRes.xml': strToU8(`<ofd:Res ${NS} BaseLoc="Res"><ofd:Fonts>${fonts}</ofd:Fonts></ofd:Res>`), ...files });
    const font = (id: number, file: string) =>
      `<ofd:Font ID="${id}" FontName="ABCDEF+SimSun" FamilyName="ABCDEF+SimSun"><ofd:FontFile>${file}</ofd:FontFile></ofd:Font>`;
    const families = (svg: string) => [...svg.matchAll(/<g font-family="([^"]*)"/g)].map((m) => m[1]!.replace(/&quot;/g, '"'));

    it('draws text with the font file the document embeds, as an @font-face data URL, the device’s fonts after it', () => {
      const svg = svgOf(withFonts(font(3, 'font_1.otf'), { 'Doc_0/Res/font_1.otf': TTF }));
      expect(svg).toContain(
        `<defs><style>@font-face{font-family:"ofd-p0-font-0";src:url(data:font/ttf;base64,${TTF_BASE64}) format("truetype")}</style></defs>`,
      );
      expect(families(svg)).toEqual([
        '"ofd-p0-font-0", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
        '"ofd-p0-font-0", "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif',
      ]);
      // One @font-face however many objects use the font.
      expect(svg.match(/@font-face/g)).toHaveLength(1);
    });

    it('tells the font format by its bytes, not its name', () => {
      expect(svgOf(withFonts(font(3, 'f.ttf'), { 'Doc_0/Res/f.ttf': WOFF }))).toContain('format("woff")');
      expect(svgOf(withFonts(font(3, 'f.ttf'), { 'Doc_0/Res/f.ttf': OTF }))).toContain(
        `src:url(data:font/otf;base64,${OTF_BASE64}) format("opentype")`,
      );
    });

    it('falls back to the device’s fonts for a file that is no font, lacks a table browsers require, is too large, over the page’s budget, or missing', () => {
      const plain = '"SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif';
      const drawn = (bytes: Uint8Array, limits = lib.VIEW_LIMITS) =>
        lib.openOfdView(withFonts(font(3, 'f.ttf'), { 'Doc_0/Res/f.ttf': bytes }), limits).pages[0]!.svg();
      for (const svg of [
        drawn(strToU8('<html>not a font</html>')),
        // A PDF-style subset: outlines only, its glyphs addressed by CGTransform (doc1File.ofd's font is one).
        drawn(sfnt('ttf', ['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'])),
        drawn(
          sfnt(
            'ttf',
            BROWSER_TABLES.filter((t) => t !== 'OS/2'),
          ),
        ),
        // A directory that claims more tables than the file holds.
        drawn(Uint8Array.from([...TTF.subarray(0, 4), 0, 200, ...TTF.subarray(6)])),
        drawn(TTF, { ...lib.VIEW_LIMITS, maxFontBytes: TTF.length - 1 }),
        drawn(TTF, { ...lib.VIEW_LIMITS, maxFontBytesPerPage: TTF.length - 1 }),
        svgOf(withFonts(font(3, 'absent.ttf'), {})),
      ]) {
        expect(svg).not.toContain('@font-face');
        expect(families(svg)).toEqual([plain, plain]);
      }
    });

    it('embeds only the fonts the page uses', () => {
      // Font 3 is used by the page's text; 4 by nothing.
      const two = withFonts(font(3, 'a.ttf') + font(4, 'b.ttf'), { 'Doc_0/Res/a.ttf': TTF, 'Doc_0/Res/b.ttf': OTF });
      const svg = lib.openOfdView(two).pages[0]!.svg();
      expect(svg.match(/@font-face/g)).toHaveLength(1);
      expect(svg).not.toContain(OTF_BASE64);
    });

    it('leaves the fonts out when asked (weapp: the picture must stay small)', () => {
      const svg = lib.openOfdView(withFonts(font(3, 'f.ttf'), { 'Doc_0/Res/f.ttf': TTF })).pages[0]!.svg({ embeddedFonts: false });
      expect(svg).not.toContain('@font-face');
      expect(families(svg)[0]).toMatch(/^"SimSun", /);
    });
  });

  describe('hostile OFD packages are refused before they cost much', () => {
    const refused = (bytes: Uint8Array, code: 'OFD_UNREADABLE' | 'OFD_TOO_LARGE', limits = lib.VIEW_LIMITS) => {
      let error: unknown;
      try {
        lib.openOfdView(bytes, limits).pages.forEach((p) => p.svg());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(lib.OfdViewError);
      expect((error as InstanceType<OfdViewModule['OfdViewError']>).code).toBe(code);
    };

    it('refuses what is not a zip package', () => refused(strToU8('%PDF-1.7 not an OFD'), 'OFD_UNREADABLE'));

    it('refuses XML with a DOCTYPE (no entity is ever expanded)', () => {
      const bomb = `<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><ofd:OFD ${NS}><ofd:DocBody><ofd:DocRoot>&b;</ofd:DocRoot></ofd:DocBody></ofd:OFD>`;
      refused(knownOfd({ 'OFD.xml': strToU8(bomb) }), 'OFD_UNREADABLE');
    });

    it('refuses XML nested deeper than the limit', () => {
      const deep = `<ofd:Page ${NS}><ofd:Content>${'<ofd:PageBlock>'.repeat(200)}${'</ofd:PageBlock>'.repeat(200)}</ofd:Content></ofd:Page>`;
      refused(knownOfd({ 'Doc_0/Pages/Page_0/Content.xml': strToU8(deep) }), 'OFD_UNREADABLE');
    });

    it('refuses a zip bomb by its declared size, before inflating it', () => {
      refused(knownOfd({ 'Doc_0/Res/huge.bin': new Uint8Array(lib.VIEW_LIMITS.maxEntryBytes + 1) }), 'OFD_TOO_LARGE');
      refused(knownOfd({ 'Doc_0/Res/dense.bin': new Uint8Array(2 * 1024 * 1024) }), 'OFD_TOO_LARGE');
    });

    it('refuses too many entries, pages or objects on a page', () => {
      const many: Zippable = {};
      for (let i = 0; i < 30; i++) many[`Doc_0/Res/f${i}.txt`] = strToU8('x');
      refused(knownOfd(many), 'OFD_TOO_LARGE', { ...lib.VIEW_LIMITS, maxEntries: 20 });
      refused(knownOfd(), 'OFD_TOO_LARGE', { ...lib.VIEW_LIMITS, maxObjectsPerPage: 3 });
      const pages = Array.from({ length: 5 }, (_, i) => `<ofd:Page ID="${i}" BaseLoc="Pages/Page_0/Content.xml"/>`).join('');
      const doc = `<ofd:Document ${NS}><ofd:CommonData/><ofd:Pages>${pages}</ofd:Pages></ofd:Document>`;
      refused(knownOfd({ 'Doc_0/Document.xml': strToU8(doc) }), 'OFD_TOO_LARGE', { ...lib.VIEW_LIMITS, maxPages: 4 });
    });

    it('refuses a package whose page is missing or whose XML is broken', () => {
      refused(knownOfd({ 'Doc_0/Pages/Page_0/Content.xml': strToU8('<ofd:Page><unclosed>') }), 'OFD_UNREADABLE');
      const doc = `<ofd:Document ${NS}><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Nowhere.xml"/></ofd:Pages></ofd:Document>`;
      refused(knownOfd({ 'Doc_0/Document.xml': strToU8(doc) }), 'OFD_UNREADABLE');
    });
  });
});

describe('the same pages in WeChat’s runtime as in a browser', () => {
  // Text beyond the BMP, a BOM before the XML declaration, Latin-1 look-alikes: what a hand-made decoder gets wrong.
  const tricky = `\ufeff<?xml version="1.0" encoding="UTF-8"?><ofd:Page ${NS}><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="4" Boundary="0 0 90 5" Font="3" Size="3"><ofd:TextCode X="0" Y="3">𠀀𪚥 é ü ß — ¥ “引号”</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>`;
  const packages = { known: knownOfd(), tricky: knownOfd({ 'Doc_0/Pages/Page_0/Content.xml': strToU8(tricky) }) };
  let inWeChat: Record<string, string>;
  beforeAll(() => {
    withoutWebGlobals.enter();
    try {
      expect(globalThis.TextDecoder).toBeUndefined();
      expect(globalThis.btoa).toBeUndefined();
      // A copy loaded afresh, fflate's with it, not the one loaded beside the globals.
      expect(withoutWebGlobals.lib!.openOfdView).not.toBe(inBrowser.openOfdView);
      inWeChat = Object.fromEntries(
        Object.entries(packages).map(([name, bytes]) => [name, withoutWebGlobals.lib!.openOfdView(bytes).pages[0]!.svg()]),
      );
    } finally {
      withoutWebGlobals.leave();
    }
  });

  it.each(Object.keys(packages))('draws the %s page to the same SVG, byte for byte', (name) => {
    expect(inWeChat[name]).toBe(inBrowser.openOfdView(packages[name as keyof typeof packages]).pages[0]!.svg());
  });

  it('keeps the characters outside the BMP and the image data intact', () => {
    expect(inWeChat.tricky).toContain('𠀀𪚥 é ü ß — ¥ “引号”');
    expect(inWeChat.known).toContain(`data:image/png;base64,${PNG_BASE64}`);
  });

  it('refuses a part that is not UTF-8 in both', () => {
    const latin1 = knownOfd({
      'Doc_0/Pages/Page_0/Content.xml': Uint8Array.from([...strToU8(`<ofd:Page ${NS}><ofd:Content/>`), 0xe9, ...strToU8('</ofd:Page>')]),
    });
    withoutWebGlobals.enter();
    try {
      expect(() => withoutWebGlobals.lib!.openOfdView(latin1).pages[0]!.svg()).toThrow(/not UTF-8/);
    } finally {
      withoutWebGlobals.leave();
    }
    expect(() => inBrowser.openOfdView(latin1).pages[0]!.svg()).toThrow(/not UTF-8/);
  });
});
