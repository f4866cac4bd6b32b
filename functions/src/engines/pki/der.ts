/**
 * The one DER/BER reader of the platform (and a small DER writer for CRL entry lists). Every read
 * goes through it: certificates, CRLs, timestamp tokens and CMS signatures. asn1js (behind
 * asn1-schema) spends about 0.3 ms per revoked certificate building and matching schemas, so a CRL
 * with 100 000 entries took ~40 s to build and ~30 s to read; plain TLV walking is linear, and a
 * CMS signature is read in microseconds instead of ~5 ms (docs/decisions/0064).
 *
 * DER by default. CMS made elsewhere may be BER (indefinite lengths, constructed strings):
 * `readTlv(..., { ber: true })` accepts those, and the children of a BER element are read as BER.
 */
import { PkiError } from './errors';

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  oid: 0x06,
  enumerated: 0x0a,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
} as const;

export interface Tlv {
  tag: number;
  /** Offsets into the source buffer: the element starts at `start`, its content at `contentStart`. */
  start: number;
  contentStart: number;
  /** Where the content ends. */
  end: number;
  /** Where the next element starts: `end`, or past the end-of-contents octets of an indefinite length. */
  after: number;
  /** Read as BER: its children are read as BER too. */
  ber?: boolean;
}

/** Deepest nesting walked to find the end of an indefinite length. */
const MAX_BER_DEPTH = 64;

export function encodeTlv(tag: number, content: Uint8Array): Uint8Array {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else {
    const lengthBytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) lengthBytes.unshift(rest % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  const out = new Uint8Array(header.length + length);
  out.set(header);
  out.set(content, header.length);
  return out;
}

/** DER SEQUENCE around already-encoded elements. */
export function encodeSequence(elements: Uint8Array[]): Uint8Array {
  return encodeTlv(TAG.sequence, concat(elements));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Reads the element at `offset`; refuses high tag numbers and overruns, and indefinite lengths unless `ber`. */
export function readTlv(bytes: Uint8Array, offset: number, limit = bytes.length, options: { ber?: boolean } = {}, depth = 0): Tlv {
  const fail = (): never => {
    throw new PkiError('PKI_MALFORMED', 'DER 编码无效');
  };
  if (offset + 2 > limit || depth > MAX_BER_DEPTH) fail();
  const tag = bytes[offset]!;
  if ((tag & 0x1f) === 0x1f) fail();
  let length = bytes[offset + 1]!;
  let contentStart = offset + 2;
  if (length === 0x80) {
    // Indefinite length (BER, constructed only): the content runs to the end-of-contents octets.
    if (!options.ber || !(tag & 0x20)) fail();
    let p = contentStart;
    while (!(bytes[p] === 0 && bytes[p + 1] === 0)) {
      if (p + 2 > limit) fail();
      p = readTlv(bytes, p, limit, options, depth + 1).after;
    }
    return { tag, start: offset, contentStart, end: p, after: p + 2, ber: true };
  }
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > limit) fail();
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + bytes[contentStart + i]!;
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > limit) fail();
  return options.ber ? { tag, start: offset, contentStart, end, after: end, ber: true } : { tag, start: offset, contentStart, end, after: end };
}

/**
 * Whether the bytes are exactly one DER element, nothing after it. asn1-schema reads the first
 * element and ignores what follows, so a reader of signed structures checks this first: otherwise
 * bytes added to, or a length shortened in, a signed file would go unnoticed.
 */
export function isSingleElement(der: Uint8Array): boolean {
  try {
    return readTlv(der, 0).after === der.length;
  } catch {
    return false;
  }
}

/** The children of a constructed element (read as BER when the parent was). */
export function children(bytes: Uint8Array, parent: Tlv): Tlv[] {
  const items: Tlv[] = [];
  const options = parent.ber ? { ber: true } : {};
  for (let offset = parent.contentStart; offset < parent.end;) {
    const item = readTlv(bytes, offset, parent.end, options);
    items.push(item);
    offset = item.after;
  }
  return items;
}

/**
 * A BER element with definite lengths, and with the members of every SET OF sorted by their
 * encodings when `sortSets` (X.690 §11.6: the DER a CMS signature over signed attributes covers).
 * Without `sortSets` only lengths change, so a certificate inside keeps the bytes its issuer signed.
 */
export function toDer(bytes: Uint8Array, tlv: Tlv, sortSets = true): Uint8Array {
  if (!(tlv.tag & 0x20)) return encodeTlv(tlv.tag, bytes.subarray(tlv.contentStart, tlv.end));
  const parts = children(bytes, tlv).map((child) => toDer(bytes, child, sortSets));
  if (sortSets && tlv.tag === 0x31) parts.sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return encodeTlv(tlv.tag, concat(parts));
}

/** Whether an element and everything inside it has definite lengths (plain DER lengths). */
export function isDefinite(bytes: Uint8Array, tlv: Tlv): boolean {
  if (tlv.after !== tlv.end) return false;
  if (!(tlv.tag & 0x20) || !tlv.ber) return true;
  return children(bytes, tlv).every((child) => isDefinite(bytes, child));
}

/** UTCTime (YYMMDDHHMMSSZ, 1950–2049) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
export function decodeTime(bytes: Uint8Array, tlv: Tlv): Date {
  const text = Buffer.from(bytes.subarray(tlv.contentStart, tlv.end)).toString('latin1');
  const match = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  if (!match || (tlv.tag === TAG.utcTime) !== (match[1]!.length === 2)) throw new PkiError('PKI_MALFORMED', `时间格式无效：${text}`);
  let year = Number(match[1]);
  if (tlv.tag === TAG.utcTime) year += year < 50 ? 2000 : 1900;
  const millis = match[7] ? Math.round(Number(`0${match[7]}`) * 1000) : 0;
  return new Date(Date.UTC(year, Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]), millis));
}

export function encodeTime(date: Date): Uint8Array {
  const iso = new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, '');
  const utc = date.getUTCFullYear() >= 1950 && date.getUTCFullYear() < 2050;
  return encodeTlv(utc ? TAG.utcTime : TAG.generalizedTime, Buffer.from(`${utc ? digits.slice(2) : digits}Z`, 'latin1'));
}

/** A non-negative INTEGER's content: minimal big-endian bytes, a 0x00 first when the top bit is set. */
export function integerContent(value: Uint8Array | bigint): Uint8Array {
  const number = typeof value === 'bigint' ? value : BigInt(`0x${Buffer.from(value).toString('hex') || '0'}`);
  if (number < 0n) throw new RangeError('serial numbers are positive');
  let hex = number.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (Number.parseInt(hex.slice(0, 2), 16) >= 0x80) hex = `00${hex}`;
  return new Uint8Array(Buffer.from(hex, 'hex'));
}
