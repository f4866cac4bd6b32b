import { latin1Decode } from './text';

/** An embedded font file as an @font-face takes it. */
export interface FontFile {
  bytes: Uint8Array;
  mime: string;
  format: string;
}

/**
 * The tables a browser's font sanitiser (OTS in Chromium and Firefox) requires before it draws with
 * a font. The subsets PDF and OFD writers embed often have only the outline tables (no cmap, OS/2,
 * name or post: their text is mapped to glyphs by CGTransform), so a browser would refuse them.
 */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'OS/2', 'post'];
const MAX_TABLES = 256;

/**
 * An embedded font file a browser can draw with: TrueType, OpenType or WOFF (by its first bytes,
 * never its name) with the tables a browser requires, or WOFF2 (whose directory is compressed, left
 * to the browser), within the size limit. Anything else is undefined: the device's fonts draw the text.
 */
export function fontFile(bytes: Uint8Array | undefined, maxBytes: number): FontFile | undefined {
  if (!bytes || bytes.length < 12 || bytes.length > maxBytes) return undefined;
  const tag = latin1Decode(bytes.subarray(0, 4));
  if (tag === 'wOF2') return { bytes, mime: 'font/woff2', format: 'woff2' };
  const kind =
    tag === '\x00\x01\x00\x00' || tag === 'true'
      ? { mime: 'font/ttf', format: 'truetype', directory: 12, entry: 16 }
      : tag === 'OTTO'
        ? { mime: 'font/otf', format: 'opentype', directory: 12, entry: 16 }
        : tag === 'wOFF'
          ? { mime: 'font/woff', format: 'woff', directory: 44, entry: 20 }
          : undefined;
  if (!kind) return undefined;
  const tables = tableTags(bytes, kind.directory, kind.entry, tag === 'wOFF' ? 12 : 4);
  const outlines = tables?.has('CFF ') || tables?.has('CFF2') || (tables?.has('glyf') && tables.has('loca'));
  if (!tables || !outlines || !REQUIRED_TABLES.every((t) => tables.has(t))) return undefined;
  return { bytes, mime: kind.mime, format: kind.format };
}

/** The table tags of an sfnt (or WOFF) directory, each entry checked to lie within the file. */
function tableTags(bytes: Uint8Array, directory: number, entry: number, countAt: number): Set<string> | undefined {
  const count = (bytes[countAt]! << 8) | bytes[countAt + 1]!;
  if (count > MAX_TABLES || directory + count * entry > bytes.length) return undefined;
  const tags = new Set<string>();
  for (let i = 0; i < count; i++) tags.add(latin1Decode(bytes.subarray(directory + i * entry, directory + i * entry + 4)));
  return tags;
}
