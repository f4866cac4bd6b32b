import { kid, kidsNamed, OfdPackage, OfdViewError, resolvePath, VIEW_LIMITS, type El, type ViewLimits } from './package';
import { sealPicture } from './seal-picture';
import { fontFile, type FontFile } from './font-file';
import { base64Encode, utf8Encode } from './text';

/**
 * OFD pages (GB/T 33190) drawn as SVG for placing seals: text (TextObject: font, size, TextCode
 * positions with DeltaX/DeltaY), paths (PathObject: AbbreviatedData, stroke, fill, line width),
 * images (ImageObject: a MultiMedia resource), page blocks, the page's templates (background,
 * then content, then foreground), and the stamps of earlier seal signatures (StampAnnot, their
 * seal's picture, clipped as a 骑缝章 slice is). Every unit is placed in its Boundary and CTM;
 * the SVG's user space is the page's PhysicalBox in millimetres, so its viewBox maps to the page.
 * Text is drawn with the document's embedded font (FontFile, as an @font-face data URL) when a
 * browser can use it (font-file.ts) and it is of bounded size, else with the device's CJK fonts.
 * Not drawn: shadings and patterns, composite units, clip areas of content objects, annotations
 * other than stamps. See decisions 0200 and 0242.
 */
export interface OfdView {
  pages: OfdPageView[];
}

export interface OfdPageView {
  /** The page's ID in Document.xml (what a StampAnnot's PageRef names). */
  id: string;
  /** PhysicalBox in mm: x, y, width, height. */
  box: [number, number, number, number];
  /** The page as a standalone SVG document (user unit = 1 mm). Drawn on demand. */
  svg(options?: SvgOptions): string;
}

export interface SvgOptions {
  /** Draw text with the document's embedded fonts (default true); false where the SVG must stay small. */
  embeddedFonts?: boolean;
}

type Box = [number, number, number, number];
const A4: Box = [0, 0, 210, 297];

interface Resources {
  fonts: Map<string, Font>;
  media: Map<string, string>;
}

interface Font {
  /** FamilyName (or FontName), as the document writes it. */
  family: string;
  /** The embedded font file, when there is one in a format browsers read. */
  file?: FontFile;
}

interface Stamp {
  boundary: Box;
  clip?: Box;
  picture?: { href: string };
}

export function openOfdView(bytes: Uint8Array, limits: ViewLimits = VIEW_LIMITS): OfdView {
  const pkg = OfdPackage.open(bytes, limits);
  const body = kid(pkg.xml('OFD.xml'), 'DocBody');
  const docRoot = kid(body, 'DocRoot')?.text.trim();
  if (!docRoot) throw new OfdViewError('OFD_UNREADABLE', 'OFD.xml names no document');
  const docPath = resolvePath('OFD.xml', docRoot);
  const document = pkg.xml(docPath);
  const common = kid(document, 'CommonData');
  const defaultBox = parseBox(kid(kid(common, 'PageArea'), 'PhysicalBox')?.text) ?? A4;

  const resources: Resources = { fonts: new Map(), media: new Map() };
  for (const name of ['PublicRes', 'DocumentRes']) {
    for (const res of kidsNamed(common, name)) readResources(pkg, resolvePath(docPath, res.text.trim()), resources);
  }
  const templates = new Map<string, string>();
  for (const t of kidsNamed(common, 'TemplatePage')) {
    if (t.attrs.ID && t.attrs.BaseLoc) templates.set(t.attrs.ID, resolvePath(docPath, t.attrs.BaseLoc));
  }
  const signatures = kid(body, 'Signatures')?.text.trim();
  const stamps = signatures ? readStamps(pkg, resolvePath('OFD.xml', signatures)) : new Map<string, Stamp[]>();

  const pageEls = kidsNamed(kid(document, 'Pages'), 'Page');
  if (pageEls.length === 0) throw new OfdViewError('OFD_UNREADABLE', 'the document has no pages');
  if (pageEls.length > limits.maxPages) throw new OfdViewError('OFD_TOO_LARGE', `more than ${limits.maxPages} pages`);

  return {
    pages: pageEls.map((pageEl, index) => {
      const id = pageEl.attrs.ID ?? '';
      const path = resolvePath(docPath, pageEl.attrs.BaseLoc ?? '');
      const page = pkg.xml(path);
      const box = parseBox(kid(kid(page, 'Area'), 'PhysicalBox')?.text) ?? defaultBox;
      return {
        id,
        box,
        svg: (options = {}) => drawPage(pkg, path, page, box, resources, templates, stamps.get(id) ?? [], index, options),
      };
    }),
  };
}

function readResources(pkg: OfdPackage, path: string, into: Resources): void {
  const res = pkg.bytes(path) ? pkg.xml(path) : undefined;
  if (!res) return;
  const folder = resolvePath(path, res.attrs.BaseLoc ?? '.') + '/';
  for (const font of kidsNamed(kid(res, 'Fonts'), 'Font')) {
    if (!font.attrs.ID) continue;
    const fileLoc = kid(font, 'FontFile')?.text.trim();
    const file = fileLoc ? fontFile(pkg.bytes(resolvePath(folder, fileLoc)), pkg.limits.maxFontBytes) : undefined;
    into.fonts.set(font.attrs.ID, { family: font.attrs.FamilyName ?? font.attrs.FontName ?? '', ...(file ? { file } : {}) });
  }
  for (const media of kidsNamed(kid(res, 'MultiMedias'), 'MultiMedia')) {
    const file = kid(media, 'MediaFile')?.text.trim();
    if (!media.attrs.ID || !file) continue;
    const href = imageHref(pkg.bytes(resolvePath(folder, file)));
    if (href) into.media.set(media.attrs.ID, href);
  }
}

/** Each page's stamps (by PageRef), from every seal signature in Signatures.xml. */
function readStamps(pkg: OfdPackage, listPath: string): Map<string, Stamp[]> {
  const byPage = new Map<string, Stamp[]>();
  if (!pkg.bytes(listPath)) return byPage;
  for (const entry of kidsNamed(pkg.xml(listPath), 'Signature')) {
    if (!entry.attrs.BaseLoc) continue;
    const path = resolvePath(listPath, entry.attrs.BaseLoc);
    if (!pkg.bytes(path)) continue;
    const signature = pkg.xml(path);
    const info = kid(signature, 'SignedInfo');
    const sealLoc = kid(kid(info, 'Seal'), 'BaseLoc')?.text.trim();
    const valueLoc = kid(signature, 'SignedValue')?.text.trim();
    const picture = sealPicture(
      sealLoc ? pkg.bytes(resolvePath(path, sealLoc)) : undefined,
      valueLoc ? pkg.bytes(resolvePath(path, valueLoc)) : undefined,
    );
    const href = picture && /^(png|jpe?g|gif|bmp)$/.test(picture.type) ? imageHref(picture.data) : undefined;
    for (const annot of kidsNamed(info, 'StampAnnot')) {
      const boundary = parseBox(annot.attrs.Boundary);
      const pageRef = annot.attrs.PageRef;
      if (!boundary || !pageRef) continue;
      const clip = parseBox(annot.attrs.Clip);
      const list = byPage.get(pageRef) ?? [];
      list.push({ boundary, ...(clip ? { clip } : {}), ...(href ? { picture: { href } } : {}) });
      byPage.set(pageRef, list);
    }
  }
  return byPage;
}

function drawPage(
  pkg: OfdPackage,
  path: string,
  page: El,
  box: Box,
  docRes: Resources,
  templates: Map<string, string>,
  stamps: Stamp[],
  index: number,
  options: SvgOptions,
): string {
  const res: Resources = { fonts: new Map(docRes.fonts), media: new Map(docRes.media) };
  for (const pageRes of kidsNamed(page, 'PageRes')) readResources(pkg, resolvePath(path, pageRes.text.trim()), res);
  const out: string[] = [];
  // Clip ids name the page: several pages' SVGs can share one HTML document.
  const budget: Budget = {
    left: pkg.limits.maxObjectsPerPage,
    clips: 0,
    idPrefix: `ofd-p${index}-`,
    fonts: { embed: options.embeddedFonts ?? true, bytesLeft: pkg.limits.maxFontBytesPerPage, names: new Map(), faces: [] },
  };
  const template = (zOrder: 'Background' | 'Foreground') => {
    for (const use of kidsNamed(page, 'Template')) {
      if ((use.attrs.ZOrder ?? 'Background') !== zOrder) continue;
      const templatePath = templates.get(use.attrs.TemplateID ?? '');
      if (templatePath && pkg.bytes(templatePath)) drawContent(kid(pkg.xml(templatePath), 'Content'), res, out, budget);
    }
  };
  template('Background');
  drawContent(kid(page, 'Content'), res, out, budget);
  template('Foreground');
  for (const stamp of stamps) drawStamp(stamp, out, budget);
  const [x, y, w, h] = box.map(num);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${w} ${h}" width="${w}mm" height="${h}mm" preserveAspectRatio="none">` +
    `${budget.fonts.faces.length ? `<defs><style>${budget.fonts.faces.join('')}</style></defs>` : ''}` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff"/>${out.join('')}</svg>`
  );
}

interface Budget {
  left: number;
  clips: number;
  idPrefix: string;
  fonts: PageFonts;
}

/** The embedded fonts a page draws with: each font's @font-face once, within the page's byte budget. */
interface PageFonts {
  embed: boolean;
  bytesLeft: number;
  /** Font resource ID → the family name its @font-face declares on this page. */
  names: Map<string, string>;
  faces: string[];
}

function spend(budget: Budget): void {
  if (--budget.left < 0) throw new OfdViewError('OFD_TOO_LARGE', 'the page has too many objects to show');
}

function drawContent(content: El | undefined, res: Resources, out: string[], budget: Budget): void {
  for (const layer of kidsNamed(content, 'Layer')) drawUnits(layer, res, out, budget);
}

/** The graphic units of a layer or page block, in order (later ones paint over earlier ones). */
function drawUnits(parent: El, res: Resources, out: string[], budget: Budget): void {
  for (const unit of parent.kids) {
    if (unit.name === 'PageBlock') {
      spend(budget);
      drawUnits(unit, res, out, budget);
      continue;
    }
    if (unit.name !== 'TextObject' && unit.name !== 'PathObject' && unit.name !== 'ImageObject') continue;
    spend(budget);
    if (unit.attrs.Visible === 'false') continue;
    const boundary = parseBox(unit.attrs.Boundary);
    if (!boundary) continue;
    const inner = unit.name === 'TextObject' ? text(unit, res, budget) : unit.name === 'PathObject' ? path(unit) : image(unit, res);
    if (!inner) continue;
    const ctm = parseNumbers(unit.attrs.CTM, 6);
    const transform = `translate(${num(boundary[0])} ${num(boundary[1])})${ctm ? ` matrix(${ctm.map(num).join(' ')})` : ''}`;
    const alpha = unit.attrs.Alpha !== undefined ? Number(unit.attrs.Alpha) : 255;
    const opacity = Number.isFinite(alpha) && alpha < 255 ? ` opacity="${num(Math.max(alpha, 0) / 255)}"` : '';
    out.push(`<g transform="${transform}"${opacity}>${inner}</g>`);
  }
}

function text(unit: El, res: Resources, budget: Budget): string {
  const size = Number(unit.attrs.Size);
  if (!(size > 0)) return '';
  const fill = unit.attrs.Fill === 'false' ? 'none' : color(kid(unit, 'FillColor'), '#000');
  const weight = Number(unit.attrs.Weight) >= 600 ? ' font-weight="bold"' : '';
  const italic = unit.attrs.Italic === 'true' ? ' font-style="italic"' : '';
  const codes: string[] = [];
  let x = 0;
  let y = 0;
  for (const code of kidsNamed(unit, 'TextCode')) {
    const chars = Array.from(code.text);
    if (chars.length === 0) continue;
    // A TextCode without X or Y goes on from where the previous one ended.
    x = code.attrs.X !== undefined ? Number(code.attrs.X) : x;
    y = code.attrs.Y !== undefined ? Number(code.attrs.Y) : y;
    const dx = deltas(code.attrs.DeltaX, chars.length - 1);
    const dy = deltas(code.attrs.DeltaY, chars.length - 1);
    const xs = [x];
    const ys = [y];
    for (let i = 1; i < chars.length; i++) {
      xs.push(xs[i - 1]! + (dx[i - 1] ?? 0));
      ys.push(ys[i - 1]! + (dy[i - 1] ?? 0));
    }
    if (!xs.every(Number.isFinite) || !ys.every(Number.isFinite)) continue;
    codes.push(`<text x="${xs.map(num).join(' ')}" y="${ys.map(num).join(' ')}">${escapeXml(chars.join(''))}</text>`);
    x = xs[xs.length - 1]! + (dx[chars.length - 1] ?? size);
    y = ys[ys.length - 1]!;
  }
  if (codes.length === 0) return '';
  const fontId = unit.attrs.Font ?? '';
  const font = res.fonts.get(fontId);
  const family = fontFamily(font?.family ?? '', font ? embeddedFamily(fontId, font, budget) : undefined);
  return `<g font-family="${escapeXml(family)}" font-size="${num(size)}" fill="${fill}"${weight}${italic} xml:space="preserve">${codes.join('')}</g>`;
}

/** DeltaX/DeltaY: numbers, where `g N d` stands for N times d (GB/T 33190 §11.3). At most `count` are read. */
function deltas(value: string | undefined, count: number): number[] {
  const tokens = value?.trim().split(/\s+/) ?? [];
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < count; i++) {
    if (tokens[i] === 'g') {
      const times = Math.min(Number(tokens[i + 1]), count - out.length);
      const d = Number(tokens[i + 2]);
      for (let n = 0; n < times; n++) out.push(d);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out;
}

const PATH_ARGS: Record<string, [string, number]> = {
  S: ['M', 2],
  M: ['M', 2],
  L: ['L', 2],
  Q: ['Q', 4],
  B: ['C', 6],
  A: ['A', 7],
  C: ['Z', 0],
};

function path(unit: El): string {
  const data = kid(unit, 'AbbreviatedData')?.text.trim().split(/\s+/) ?? [];
  const d: string[] = [];
  for (let i = 0; i < data.length;) {
    const op = PATH_ARGS[data[i]!];
    if (!op) return '';
    const args = data.slice(i + 1, i + 1 + op[1]).map(Number);
    if (args.length !== op[1] || !args.every(Number.isFinite)) return '';
    d.push(op[0], ...args.map(num));
    i += 1 + op[1];
  }
  if (d.length === 0) return '';
  const stroke = unit.attrs.Stroke === 'false' ? 'none' : color(kid(unit, 'StrokeColor'), '#000');
  const fill = unit.attrs.Fill === 'true' ? color(kid(unit, 'FillColor'), '#000') : 'none';
  const width = Number(unit.attrs.LineWidth ?? 0.353);
  const rule = unit.attrs.Rule === 'Even-Odd' ? ' fill-rule="evenodd"' : '';
  return `<path d="${d.join(' ')}" stroke="${stroke}" fill="${fill}" stroke-width="${num(Number.isFinite(width) ? width : 0.353)}"${rule}/>`;
}

function image(unit: El, res: Resources): string {
  const href = res.media.get(unit.attrs.ResourceID ?? '');
  if (!href) return '';
  // An image fills the unit square of its object space; the CTM scales it to the boundary.
  return `<image x="0" y="0" width="1" height="1" preserveAspectRatio="none" href="${href}"/>`;
}

function drawStamp(stamp: Stamp, out: string[], budget: Budget): void {
  spend(budget);
  const [x, y, w, h] = stamp.boundary.map(num);
  const clipId = `${budget.idPrefix}clip-${budget.clips++}`;
  const clip = stamp.clip
    ? `<clipPath id="${clipId}"><rect x="${num(stamp.clip[0])}" y="${num(stamp.clip[1])}" width="${num(stamp.clip[2])}" height="${num(stamp.clip[3])}"/></clipPath>`
    : '';
  const drawn = stamp.picture
    ? `<image x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none" href="${stamp.picture.href}"/>`
    : `<ellipse cx="${num(stamp.boundary[2] / 2)}" cy="${num(stamp.boundary[3] / 2)}" rx="${num(stamp.boundary[2] / 2)}" ry="${num(stamp.boundary[3] / 2)}" fill="none" stroke="#d00" stroke-width="0.8"/>`;
  out.push(
    `<g class="ofd-stamp" transform="translate(${x} ${y})">${clip}<g${stamp.clip ? ` clip-path="url(#${clipId})"` : ''}>${drawn}</g></g>`,
  );
}

/**
 * A page's SVG as a base64 data URL, the form WeChat's <image> draws (it has no SVG element and
 * does not take a percent-encoded SVG); made without btoa or TextEncoder, which it lacks.
 */
export function svgImageUrl(svg: string): string {
  return `data:image/svg+xml;base64,${base64Encode(utf8Encode(svg))}`;
}

/** A data URL for a PNG, JPEG, GIF or BMP (by its bytes); anything else is not drawn. */
function imageHref(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes || bytes.length < 4) return undefined;
  const type =
    bytes[0] === 0x89 && bytes[1] === 0x50
      ? 'png'
      : bytes[0] === 0xff && bytes[1] === 0xd8
        ? 'jpeg'
        : bytes[0] === 0x47 && bytes[1] === 0x49
          ? 'gif'
          : bytes[0] === 0x42 && bytes[1] === 0x4d
            ? 'bmp'
            : undefined;
  return type ? `data:image/${type};base64,${base64Encode(bytes)}` : undefined;
}

function color(el: El | undefined, fallback: string): string {
  const rgb = parseNumbers(el?.attrs.Value, 3);
  if (!rgb) return fallback;
  const [r, g, b] = rgb.map((n) => Math.min(255, Math.max(0, Math.round(n))));
  return `rgb(${r},${g},${b})`;
}

/**
 * OFD names fonts as Windows does; the browser gets the embedded font first (a subset may lack a
 * character: the next family draws it), then the name and the CJK faces a phone or PC has.
 */
function fontFamily(name: string, embedded: string | undefined): string {
  const serif = /宋|仿宋|Song|Sim?Sun|FangSong|Times|Serif/i.test(name);
  const fallback = serif
    ? `"Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif`
    : `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif`;
  const own = name.replace(/^[A-Z]{6}\+/, '').replace(/["<>&]/g, '');
  return [embedded && `"${embedded}"`, own && `"${own}"`, fallback].filter(Boolean).join(', ');
}

/** The family name of the font's @font-face on this page, added on first use; undefined when it is not drawn with. */
function embeddedFamily(id: string, font: Font, budget: Budget): string | undefined {
  const fonts = budget.fonts;
  if (!fonts.embed || !font.file) return undefined;
  const known = fonts.names.get(id);
  if (known !== undefined) return known;
  if (font.file.bytes.length > fonts.bytesLeft) return undefined;
  fonts.bytesLeft -= font.file.bytes.length;
  // Named per page, as clip ids are: several pages' SVGs can share one HTML document.
  const name = `${budget.idPrefix}font-${fonts.names.size}`;
  fonts.names.set(id, name);
  fonts.faces.push(`@font-face{font-family:"${name}";src:url(${fontDataUrl(font.file)}) format("${font.file.format}")}`);
  return name;
}

/** Each font file's data URL, encoded once: a document font is drawn with on page after page. */
const fontDataUrls = new WeakMap<FontFile, string>();
function fontDataUrl(file: FontFile): string {
  let url = fontDataUrls.get(file);
  if (url === undefined) {
    url = `data:${file.mime};base64,${base64Encode(file.bytes)}`;
    fontDataUrls.set(file, url);
  }
  return url;
}

function parseNumbers(value: string | undefined, count: number): number[] | undefined {
  const numbers = value?.trim().split(/\s+/).map(Number);
  return numbers?.length === count && numbers.every(Number.isFinite) ? numbers : undefined;
}

function parseBox(value: string | undefined): Box | undefined {
  const numbers = parseNumbers(value, 4);
  return numbers && numbers[2]! > 0 && numbers[3]! > 0 ? (numbers as Box) : undefined;
}

/** A number as SVG writes it: finite, at most 4 decimals. */
function num(n: number): string {
  return String(Math.round(n * 10_000) / 10_000);
}

function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
