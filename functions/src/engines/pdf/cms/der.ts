/**
 * A minimal DER walker: tag, header and content spans, nothing decoded. Navigating a CMS
 * this way costs microseconds; full ASN.1 object trees (asn1js) cost milliseconds per blob.
 */
export interface Tlv {
  /** Whole first identifier octet (class + constructed bit + tag number < 31). */
  tag: number;
  start: number;
  contentStart: number;
  end: number;
}

const MAX_DEPTH = 32;

export function readTlv(bytes: Uint8Array, pos: number, limit = bytes.length): Tlv {
  if (pos + 2 > limit) throw new Error('DER: truncated');
  const tag = bytes[pos]!;
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not used here');
  let p = pos + 1;
  let len = bytes[p++]!;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4) throw new Error('DER: bad length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + bytes[p++]!;
  }
  const end = p + len;
  if (end > limit) throw new Error('DER: length past end');
  return { tag, start: pos, contentStart: p, end };
}

export function children(bytes: Uint8Array, parent: Tlv, depth = 0): Tlv[] {
  if (depth > MAX_DEPTH || !(parent.tag & 0x20)) return [];
  const out: Tlv[] = [];
  for (let p = parent.contentStart; p < parent.end; ) {
    const t = readTlv(bytes, p, parent.end);
    out.push(t);
    p = t.end;
  }
  return out;
}

export const whole = (bytes: Uint8Array, t: Tlv): Uint8Array => bytes.subarray(t.start, t.end);
export const content = (bytes: Uint8Array, t: Tlv): Uint8Array => bytes.subarray(t.contentStart, t.end);

/** Dotted OID from an OBJECT IDENTIFIER's content. */
export function oidString(bytes: Uint8Array, t: Tlv | undefined): string | undefined {
  if (!t || t.tag !== 0x06) return undefined;
  const c = content(bytes, t);
  const parts: number[] = [];
  let v = 0;
  for (const b of c) {
    v = v * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      if (parts.length === 0) parts.push(v < 80 ? Math.floor(v / 40) : 2, v < 80 ? v % 40 : v - 80);
      else parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

/** The issuer Name and serial INTEGER of a certificate, as raw DER, for matching a signer identifier. */
export function issuerAndSerialOf(cert: Uint8Array): { issuer: Uint8Array; serial: Uint8Array } {
  const f = tbsFields(cert);
  const k = f[0]?.tag === 0xa0 ? 1 : 0; // [0] version
  return { serial: whole(cert, f[k]!), issuer: whole(cert, f[k + 2]!) };
}

function tbsFields(cert: Uint8Array): Tlv[] {
  const tbs = children(cert, readTlv(cert, 0))[0];
  if (!tbs) throw new Error('DER: not a certificate');
  return children(cert, tbs);
}

/** SubjectPublicKeyInfo DER of a certificate. */
export function spkiOf(cert: Uint8Array): Uint8Array {
  const f = tbsFields(cert);
  const k = f[0]?.tag === 0xa0 ? 1 : 0;
  return whole(cert, f[k + 5]!);
}
