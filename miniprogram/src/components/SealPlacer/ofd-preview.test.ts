import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TextDecoder, TextEncoder } from 'node:util';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { openOfdView } from '@seal/shared/ofd-view';
import { openOfdPreview } from './page-preview.h5';

// Every browser has these; jsdom does not.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const FIXTURES = join(__dirname, '../../../../functions/test-support/fixtures/ofd');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name))).buffer;

describe('an OFD opened on the phone (H5)', () => {
  it('gives each page its box in points and draws it as an SVG image with the page’s text', async () => {
    const preview = (await openOfdPreview(bytes('V4RideRight.ofd')))!;
    expect(preview.pageCount).toBe(5);
    expect(preview.boxes[0]!.x1).toBeCloseTo((210 * 72) / 25.4, 2);
    expect(preview.boxes[0]!.y1).toBeCloseTo((297 * 72) / 25.4, 2);
    const hello = (await openOfdPreview(bytes('helloworld.ofd')))!;
    const url = await hello.renderPage(1, 1);
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.split(',')[1]!)).toContain('你好呀，OFD Reader&amp;Writer！');
  });

  it('draws the sample files of another implementation (ofdrw): text, paths, earlier seals, a 骑缝章 slice clipped', async () => {
    const svg = async (name: string, page = 1) =>
      decodeURIComponent((await (await openOfdPreview(bytes(name)))!.renderPage(page, 1)).split(',')[1]!);
    const ride = await svg('V4RideRight.ofd');
    expect(ride).toContain('<path d="M 0 0 L 70 0 L 70 30 L 0 30 Z" stroke="none" fill="rgb(255,0,0)"');
    // Page 1's slice of the 骑缝章 is the seal's first 8 mm, drawn with the seal's own picture.
    expect(ride).toMatch(
      /<g class="ofd-stamp" transform="translate\(202 40\)"><clipPath id="ofd-p0-clip-0"><rect x="0" y="0" width="8" height="40"\/><\/clipPath><g clip-path="url\(#ofd-p0-clip-0\)"><image [^>]*href="data:image\/png;base64,/,
    );
    expect((await svg('doc1File.ofd')).match(/<text /g)!.length).toBeGreaterThan(20);
    expect(await svg('SESV4SignDoc.ofd')).toMatch(/class="ofd-stamp"[^]*<image [^>]*href="data:image\/png;base64,/);
  });

  it('hands the browser a font the document embeds, and not one it would refuse (doc1File.ofd’s subset has no cmap or OS/2)', async () => {
    const files = unzipSync(new Uint8Array(bytes('doc1File.ofd')));
    const families = (svg: string) => [...svg.matchAll(/<g font-family="([^"]*)"/g)].map((m) => m[1]!);
    const own = decodeURIComponent((await (await openOfdPreview(bytes('doc1File.ofd')))!.renderPage(1, 1)).split(',')[1]!);
    expect(own).not.toContain('@font-face');
    for (const family of families(own)) expect(family).toMatch(/^&quot;SimSun&quot;, [^]*serif$/);
    // The same document with a complete TrueType font in its place: Liberation Sans, which pdf.js ships.
    const liberation = new Uint8Array(
      readFileSync(createRequire(__filename).resolve('pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf')),
    );
    const replaced = zipSync({ ...files, 'Doc_1/Res/font_1.otf': liberation });
    const svg = decodeURIComponent((await (await openOfdPreview(replaced.buffer as ArrayBuffer))!.renderPage(1, 1)).split(',')[1]!);
    expect(svg).toContain(
      `<defs><style>@font-face{font-family:"ofd-p0-font-0";src:url(data:font/ttf;base64,${Buffer.from(liberation).toString('base64')}) format("truetype")}</style></defs>`,
    );
    expect(families(svg).length).toBeGreaterThan(20);
    for (const family of families(svg)) expect(family).toMatch(/^&quot;ofd-p0-font-0&quot;, &quot;SimSun&quot;, [^]*serif$/);
  });

  it('gives nothing for a file it cannot read (outlines stay, the server decides)', async () => {
    await expect(openOfdPreview(new TextEncoder().encode('not an OFD').buffer)).resolves.toBeUndefined();
  });
});

describe('an OFD opened on weapp (WeChat’s runtime: no TextDecoder, TextEncoder, btoa or atob)', () => {
  const WEB_GLOBALS = ['TextDecoder', 'TextEncoder', 'btoa', 'atob'] as const;
  const FILES = ['helloworld.ofd', 'V4RideRight.ofd', 'SESV4SignDoc.ofd', 'DigitalSign.ofd', 'doc1File.ofd'];
  /** Every page of every file, drawn by the weapp module loaded and run with those globals deleted. */
  const weappPages = new Map<string, string[]>();
  beforeAll(async () => {
    const saved = Object.fromEntries(WEB_GLOBALS.map((name) => [name, globalThis[name]]));
    for (const name of WEB_GLOBALS) delete (globalThis as Record<string, unknown>)[name];
    try {
      let weapp!: typeof import('./page-preview.weapp');
      jest.isolateModules(() => {
        weapp = jest.requireActual<typeof import('./page-preview.weapp')>('./page-preview.weapp');
      });
      expect(typeof globalThis.TextDecoder).toBe('undefined');
      expect(typeof globalThis.btoa).toBe('undefined');
      for (const name of FILES) {
        const preview = (await weapp.openOfdPreview(bytes(name)))!;
        const urls: string[] = [];
        for (let page = 1; page <= preview.pageCount; page++) urls.push(await preview.renderPage(page, 1).catch(() => 'too large'));
        weappPages.set(name, urls);
      }
    } finally {
      Object.assign(globalThis, saved);
    }
  });

  it.each(FILES)('draws every page of %s to the SVG a browser draws, as a base64 image (without embedded fonts)', async (name) => {
    const inBrowser = openOfdView(new Uint8Array(bytes(name)));
    const urls = weappPages.get(name)!;
    expect(urls).toHaveLength(inBrowser.pages.length);
    for (const [i, url] of urls.entries()) {
      expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
      const svg = Buffer.from(url.slice('data:image/svg+xml;base64,'.length), 'base64').toString('utf8');
      expect(svg).toBe(inBrowser.pages[i]!.svg({ embeddedFonts: false }));
      expect(svg).not.toContain('@font-face');
    }
  });

  it('shows the page’s text (Chinese included) on weapp', () => {
    const url = weappPages.get('helloworld.ofd')![0]!;
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toContain('你好呀，OFD Reader&amp;Writer！');
  });

  it('keeps the outline of a page whose image would be over setData’s limit', async () => {
    const weapp = jest.requireActual<typeof import('./page-preview.weapp')>('./page-preview.weapp');
    // helloworld.ofd with a 700 KB picture on its page: its SVG, base64, is over 900 KiB.
    const files = unzipSync(new Uint8Array(bytes('helloworld.ofd')));
    const png = new Uint8Array(700 * 1024).map((_, i) => (i * 2654435761) >>> 24);
    png.set([0x89, 0x50, 0x4e, 0x47]);
    const page = strFromU8(files['Doc_0/Pages/Page_0/Content.xml']!).replace(
      '</ofd:Layer>',
      '<ofd:ImageObject ID="90" Boundary="0 0 50 50" CTM="50 0 0 50 0 0" ResourceID="91"/></ofd:Layer>',
    );
    const res = `<ofd:Res xmlns:ofd="http://www.ofdspec.org/2016" BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="91" Type="Image"><ofd:MediaFile>big.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`;
    const doc = strFromU8(files['Doc_0/Document.xml']!).replace(
      '</ofd:CommonData>',
      '<ofd:DocumentRes>BigRes.xml</ofd:DocumentRes></ofd:CommonData>',
    );
    const big = zipSync(
      {
        ...files,
        'Doc_0/Document.xml': strToU8(doc),
        'Doc_0/BigRes.xml': strToU8(res),
        'Doc_0/Res/big.png': png,
        'Doc_0/Pages/Page_0/Content.xml': strToU8(page),
      },
      { level: 0 },
    );
    const preview = (await weapp.openOfdPreview(big.buffer as ArrayBuffer))!;
    expect(preview.pageCount).toBe(1);
    await expect(preview.renderPage(1, 1)).rejects.toThrow(/too large/);
    // The same page without the picture is drawn.
    await expect((await weapp.openOfdPreview(bytes('helloworld.ofd')))!.renderPage(1, 1)).resolves.toMatch(/^data:image\/svg\+xml;base64,/);
  });
});
