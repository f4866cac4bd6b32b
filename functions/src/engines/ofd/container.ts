import type { Zippable } from 'fflate';
import type * as Zip from './zip';
import { OfdError } from './errors';

/**
 * The OFD package (a zip, GB/T 33190 §7.2) as a map from path (no leading slash) to bytes.
 * Everything an uploader controls is bounded before it is inflated: fflate's filter sees each
 * entry's name and declared sizes first, and inflates into a buffer of the declared size, which
 * it never grows (a header that understates the size yields a truncated file, whose digest then
 * fails, never a larger allocation). Inflating cost is bounded by the compressed bytes.
 */
export interface ContainerLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Largest inflated ÷ compressed size for entries over 1 MiB inflated. */
  maxRatio: number;
}

export const DEFAULT_LIMITS: ContainerLimits = {
  maxEntries: 20_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

export type OfdFiles = Map<string, Uint8Array>;

let loadedFflate: typeof Zip | undefined;
/**
 * fflate, evaluated on the first OFD package rather than at cold start: its module code builds
 * the Huffman and CRC tables, about a tenth of a signing function's load, which a PDF request
 * never uses (decision 0245). esbuild bundles a `require` as a module evaluated on its first call
 * (an `import` is evaluated with the bundle); `./zip` imports fflate's ES build, so only the two
 * functions used are bundled.
 */
function fflate(): typeof Zip {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- evaluated on first use, see above
  return (loadedFflate ??= require('./zip') as typeof Zip);
}

export function readContainer(zip: Uint8Array, limits: ContainerLimits = DEFAULT_LIMITS): OfdFiles {
  if (zip.length < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) throw new OfdError('OFD_UNREADABLE', 'not a zip package');
  const seen = new Set<string>();
  let entries = 0;
  let total = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = fflate().unzipSync(zip, {
      filter(file) {
        if (++entries > limits.maxEntries) throw new OfdError('OFD_TOO_LARGE', `more than ${limits.maxEntries} entries`);
        if (file.name.endsWith('/') && file.originalSize === 0) return false; // directory entry
        const name = checkedName(file.name);
        if (seen.has(name)) throw new OfdError('OFD_BAD_ENTRY_NAME', `entry ${JSON.stringify(name)} appears twice`);
        seen.add(name);
        if (file.originalSize > limits.maxEntryBytes) throw new OfdError('OFD_TOO_LARGE', `entry ${name} inflates to ${file.originalSize} bytes`);
        total += file.originalSize;
        if (total > limits.maxTotalBytes) throw new OfdError('OFD_TOO_LARGE', `the package inflates to more than ${limits.maxTotalBytes} bytes`);
        if (file.originalSize > 1024 * 1024 && file.originalSize > limits.maxRatio * Math.max(file.size, 1)) {
          throw new OfdError('OFD_TOO_LARGE', `entry ${name} is compressed more than ${limits.maxRatio}:1`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof OfdError) throw error;
    throw new OfdError('OFD_UNREADABLE', 'the zip package cannot be read', { cause: error });
  }
  const files: OfdFiles = new Map();
  for (const name of seen) {
    const content = Object.hasOwn(raw, name) ? raw[name] : undefined;
    if (content) files.set(name, content);
  }
  return files;
}

/** Writes the package; XML and data are deflated, entries in the given order, timestamps fixed for reproducible bytes. */
export function writeContainer(files: OfdFiles): Uint8Array {
  const zippable: Zippable = Object.create(null) as Zippable;
  for (const [name, content] of files) zippable[name] = [content, { level: /\.(png|jpe?g|gif|zip|ofd)$/i.test(name) ? 0 : 6, mtime: FIXED_MTIME }];
  return fflate().zipSync(zippable);
}

const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');

/**
 * A package path: relative, '/'-separated, no empty, '.' or '..' segments, no backslash or control
 * characters. Anything else could escape a directory when unpacked elsewhere, or name one file two ways.
 */
function checkedName(name: string): string {
  const bad = (why: string) => new OfdError('OFD_BAD_ENTRY_NAME', `entry ${JSON.stringify(name.slice(0, 200))} ${why}`);
  if (name.length === 0 || name.length > 1024) throw bad('has no name or a name over 1024 characters');
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) throw bad('is absolute');
  if (/[\\\u0000-\u001f\u007f]/.test(name)) throw bad('has a backslash or a control character');
  for (const segment of name.split('/')) {
    if (segment === '' || segment === '.' || segment === '..') throw bad('has an empty, "." or ".." segment');
    if (segment === '__proto__') throw bad('is not a plain path');
  }
  return name;
}
