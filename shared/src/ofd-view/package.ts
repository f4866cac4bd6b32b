import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { utf8Decode } from './text';

/**
 * The parts of an OFD package (GB/T 33190) a viewer reads, with everything an uploader controls
 * bounded before it is allocated: entries, declared sizes and compression ratio (checked by
 * fflate's filter before inflating), XML nesting, and no DOCTYPE (so no entity declarations).
 */
export class OfdViewError extends Error {
  constructor(
    readonly code: 'OFD_UNREADABLE' | 'OFD_TOO_LARGE',
    message: string,
  ) {
    super(message);
    this.name = 'OfdViewError';
  }
}

export interface ViewLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest inflated ÷ compressed size of an entry over 1 MiB. */
  maxRatio: number;
  maxPages: number;
  /** Graphic units drawn on one page, templates and stamps included. */
  maxObjectsPerPage: number;
  maxXmlDepth: number;
  /** An embedded font file drawn with (a larger one falls back to the device's fonts). */
  maxFontBytes: number;
  /** Embedded font bytes drawn with on one page. */
  maxFontBytesPerPage: number;
}

export const VIEW_LIMITS: ViewLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 16 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxRatio: 200,
  maxPages: 2_000,
  maxObjectsPerPage: 20_000,
  maxXmlDepth: 64,
  maxFontBytes: 4 * 1024 * 1024,
  maxFontBytesPerPage: 8 * 1024 * 1024,
};

/** An XML element: local name (prefix dropped), attributes, child elements in document order, text. */
export interface El {
  name: string;
  attrs: Record<string, string>;
  kids: El[];
  text: string;
}

export class OfdPackage {
  private constructor(
    private readonly files: Map<string, Uint8Array>,
    readonly limits: ViewLimits,
  ) {}

  static open(zip: Uint8Array, limits: ViewLimits = VIEW_LIMITS): OfdPackage {
    if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) throw new OfdViewError('OFD_UNREADABLE', 'not a zip package');
    let entries = 0;
    let total = 0;
    let raw: Record<string, Uint8Array>;
    try {
      raw = unzipSync(zip, {
        filter(file) {
          if (++entries > limits.maxEntries) throw new OfdViewError('OFD_TOO_LARGE', `more than ${limits.maxEntries} entries`);
          if (file.name.endsWith('/')) return false;
          if (file.originalSize > limits.maxEntryBytes)
            throw new OfdViewError('OFD_TOO_LARGE', `${file.name} inflates to ${file.originalSize} bytes`);
          total += file.originalSize;
          if (total > limits.maxTotalBytes)
            throw new OfdViewError('OFD_TOO_LARGE', `the package inflates to over ${limits.maxTotalBytes} bytes`);
          if (file.originalSize > 1024 * 1024 && file.originalSize > limits.maxRatio * Math.max(file.size, 1)) {
            throw new OfdViewError('OFD_TOO_LARGE', `${file.name} is compressed more than ${limits.maxRatio}:1`);
          }
          return true;
        },
      });
    } catch (error) {
      if (error instanceof OfdViewError) throw error;
      throw new OfdViewError('OFD_UNREADABLE', 'the zip package cannot be read');
    }
    const files = new Map<string, Uint8Array>();
    for (const [name, bytes] of Object.entries(raw)) files.set(name.replace(/^\/+/, ''), bytes);
    return new OfdPackage(files, limits);
  }

  /** A part's bytes by its package path (a leading slash is allowed); undefined when absent. */
  bytes(path: string): Uint8Array | undefined {
    return this.files.get(path.replace(/^\/+/, ''));
  }

  xml(path: string): El {
    const bytes = this.bytes(path);
    if (!bytes) throw new OfdViewError('OFD_UNREADABLE', `${path} is missing`);
    return parseXml(bytes, path, this.limits.maxXmlDepth);
  }
}

/** Resolves a location written in the part at `from` (absolute from the package root, or relative to that part's folder). */
export function resolvePath(from: string, loc: string): string {
  const base = loc.startsWith('/') ? [] : from.replace(/^\/+/, '').split('/').slice(0, -1);
  for (const segment of loc.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

type Ordered = Record<string, unknown>;

function parseXml(bytes: Uint8Array, what: string, maxDepth: number): El {
  let text: string;
  try {
    text = utf8Decode(bytes);
  } catch {
    throw new OfdViewError('OFD_UNREADABLE', `${what} is not UTF-8`);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new OfdViewError('OFD_UNREADABLE', `${what} declares a DOCTYPE or entities`);
  if (XMLValidator.validate(text) !== true) throw new OfdViewError('OFD_UNREADABLE', `${what} is not well-formed XML`);
  let ordered: Ordered[];
  try {
    ordered = new XMLParser({
      preserveOrder: true,
      ignoreAttributes: false,
      attributeNamePrefix: '',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      processEntities: true,
      htmlEntities: false,
      ignoreDeclaration: true,
      ignorePiTags: true,
      maxNestedTags: maxDepth,
    }).parse(text) as Ordered[];
  } catch {
    throw new OfdViewError('OFD_UNREADABLE', `${what} cannot be read (nested over ${maxDepth} levels?)`);
  }
  const root = ordered.map(toEl).find((el) => el !== undefined);
  if (!root) throw new OfdViewError('OFD_UNREADABLE', `${what} has no root element`);
  return root;
}

function toEl(node: Ordered): El | undefined {
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text');
  if (!name) return undefined;
  const content = (node[name] as Ordered[]) ?? [];
  const attrs = Object.assign(Object.create(null) as Record<string, string>, (node[':@'] as Record<string, string> | undefined) ?? {});
  const kids: El[] = [];
  let text = '';
  for (const item of content) {
    if ('#text' in item) text += String(item['#text']);
    else {
      const kid = toEl(item);
      if (kid) kids.push(kid);
    }
  }
  return { name, attrs, kids, text };
}

export const kid = (el: El | undefined, name: string): El | undefined => el?.kids.find((k) => k.name === name);
export const kidsNamed = (el: El | undefined, name: string): El[] => el?.kids.filter((k) => k.name === name) ?? [];
