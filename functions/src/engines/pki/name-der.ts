/**
 * Distinguished names read straight from their DER, for verification: the same attributes and
 * matching rule as pkijs (`readName`, `RelativeDistinguishedNames.isEqual`) without building its
 * object tree. Byte-identical names — what the platform always issues — match without decoding.
 */
import { readTlv, TAG } from './der';
import { childrenOf, contentOf, encodingOf, ensure, oidOf } from './der-values';
import { bytesEqual } from './bytes';
import type { NameAttribute } from './names';

interface ReadAttribute extends NameAttribute {
  /** A directory string type, compared by its text; other types compare by encoding. */
  isString: boolean;
  encoding: Uint8Array;
}

const UTF8 = 0x0c;
const UNIVERSAL = 0x1c;
const BMP = 0x1e;
/** Numeric, Printable, Teletex, Videotex, IA5, Graphic, Visible, General, Character: one byte a character. */
const SINGLE_BYTE = new Set([0x12, 0x13, 0x14, 0x15, 0x16, 0x19, 0x1a, 0x1b, 0x1d]);
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const utf16be = new TextDecoder('utf-16be');

/** The attributes of a DER Name in order (every RDN's members flattened), strings decoded. */
export function readNameDer(name: Uint8Array): NameAttribute[] {
  return readAttributes(name).map(({ type, value }) => ({ type, value }));
}

/** RFC 5280 §7.1-style matching as pkijs does it: same types in order, strings equal after trimming,
 *  collapsing spaces and lower-casing, anything else byte for byte. */
export function sameName(a: Uint8Array, b: Uint8Array): boolean {
  if (bytesEqual(a, b)) return true;
  try {
    const left = readAttributes(a);
    const right = readAttributes(b);
    return (
      left.length === right.length &&
      left.every((x, i) => {
        const y = right[i]!;
        if (x.type !== y.type || x.isString !== y.isString) return false;
        return x.isString ? prepared(x.value).localeCompare(prepared(y.value)) === 0 : bytesEqual(x.encoding, y.encoding);
      })
    );
  } catch {
    return false;
  }
}

function readAttributes(name: Uint8Array): ReadAttribute[] {
  const top = readTlv(name, 0);
  ensure(top.end === name.length, 'Name');
  return childrenOf(name, top, TAG.sequence).flatMap((rdn) =>
    childrenOf(name, rdn, 0x31).map((pair) => {
      const [type, value, ...extra] = childrenOf(name, pair, TAG.sequence);
      const oid = oidOf(name, type);
      ensure(oid && value && extra.length === 0, 'AttributeTypeAndValue');
      const isString = value.tag === UTF8 || value.tag === UNIVERSAL || value.tag === BMP || SINGLE_BYTE.has(value.tag);
      return {
        type: oid,
        value: isString ? decodeString(value.tag, contentOf(name, value)) : '',
        isString,
        encoding: encodingOf(name, value),
      };
    }),
  );
}

function decodeString(tag: number, bytes: Uint8Array): string {
  if (tag === UTF8) {
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return Buffer.from(bytes).toString('latin1');
    }
  }
  if (tag === BMP) return utf16be.decode(bytes);
  if (tag === UNIVERSAL) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const points = Array.from({ length: bytes.length >> 2 }, (_, i) => view.getUint32(i * 4));
    return String.fromCodePoint(...points.map((p) => (p > 0x10ffff || (p >= 0xd800 && p <= 0xdfff) ? 0xfffd : p)));
  }
  return Buffer.from(bytes).toString('latin1');
}

/** pkijs's stringPrep: trim, collapse runs of spaces, lower-case. */
function prepared(text: string): string {
  return text.trim().replace(/ {2,}/g, ' ').toLowerCase();
}
