/**
 * UTF-8 and base64 in plain JavaScript: WeChat's mini-program runtime has neither `TextDecoder`,
 * `TextEncoder` nor `btoa`, and the renderer must run there as in a browser (decision 0240).
 * `utf8Decode` is strict as `new TextDecoder('utf-8', { fatal: true })` is (and drops a leading
 * BOM as it does); the tests hold both against Node's with fast-check.
 */
export class NotUtf8Error extends Error {
  constructor() {
    super('not UTF-8');
    this.name = 'NotUtf8Error';
  }
}

/** Code units gathered before each String.fromCharCode, under every engine's argument limit. */
const CHUNK = 0x2000;

export function utf8Decode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let units: number[] = [];
  let i = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let code: number;
    if (b < 0x80) {
      code = b;
      i += 1;
    } else {
      // The lead byte says how many continuation bytes follow and the smallest value they may
      // encode (no overlong forms); surrogates and values past U+10FFFF are refused.
      const [count, min] =
        b >= 0xc2 && b <= 0xdf ? [1, 0x80] : b >= 0xe0 && b <= 0xef ? [2, 0x800] : b >= 0xf0 && b <= 0xf4 ? [3, 0x10000] : [0, 0];
      if (count === 0 || i + count > bytes.length - 1) throw new NotUtf8Error();
      code = b & (0x3f >> count);
      for (let k = 1; k <= count; k++) {
        const next = bytes[i + k]!;
        if ((next & 0xc0) !== 0x80) throw new NotUtf8Error();
        code = (code << 6) | (next & 0x3f);
      }
      if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new NotUtf8Error();
      i += count + 1;
    }
    if (code > 0xffff) {
      code -= 0x10000;
      units.push(0xd800 | (code >> 10), 0xdc00 | (code & 0x3ff));
    } else units.push(code);
    if (units.length >= CHUNK) {
      parts.push(String.fromCharCode(...units));
      units = [];
    }
  }
  parts.push(String.fromCharCode(...units));
  return parts.join('');
}

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder writes it. */
export function utf8Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      } else code = 0xfffd;
    }
    if (code < 0x80) out[n++] = code;
    else if (code < 0x800) {
      out[n++] = 0xc0 | (code >> 6);
      out[n++] = 0x80 | (code & 0x3f);
    } else if (code < 0x10000) {
      out[n++] = 0xe0 | (code >> 12);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    } else {
      out[n++] = 0xf0 | (code >> 18);
      out[n++] = 0x80 | ((code >> 12) & 0x3f);
      out[n++] = 0x80 | ((code >> 6) & 0x3f);
      out[n++] = 0x80 | (code & 0x3f);
    }
  }
  return out.subarray(0, n);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) with padding, as btoa writes it for the same bytes. */
export function base64Encode(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chars: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = i + 1 < bytes.length ? bytes[i + 1]! : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2]! : 0;
    chars.push(
      ALPHABET[a >> 2]!,
      ALPHABET[((a & 3) << 4) | (b >> 4)]!,
      i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=',
      i + 2 < bytes.length ? ALPHABET[c & 63]! : '=',
    );
    if (chars.length >= CHUNK) {
      parts.push(chars.join(''));
      chars = [];
    }
  }
  parts.push(chars.join(''));
  return parts.join('');
}

/** Bytes as Latin-1 characters (one per byte): the IA5 strings of a seal's DER. */
export function latin1Decode(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += CHUNK) out += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return out;
}
