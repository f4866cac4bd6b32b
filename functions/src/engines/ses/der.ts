/** DER SEQUENCE around already-encoded elements (definite length, the shortest form). */
export function derSequence(elements: Uint8Array[]): Uint8Array {
  const length = elements.reduce((sum, e) => sum + e.length, 0);
  const header = [0x30, ...derLength(length)];
  const out = new Uint8Array(header.length + length);
  out.set(header, 0);
  let offset = header.length;
  for (const element of elements) {
    out.set(element, offset);
    offset += element.length;
  }
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

/**
 * Whether the bytes are exactly one DER element: tag, definite length, and nothing after it.
 * asn1-schema reads the first element and ignores what follows, so a reader checks this first:
 * otherwise bytes added to, or a length shortened in, a signed file would go unnoticed.
 */
export function isSingleElement(der: Uint8Array): boolean {
  if (der.length < 2 || (der[0]! & 0x1f) === 0x1f) return false; // multi-byte tags are not used in these structures
  const first = der[1]!;
  if (first < 0x80) return 2 + first === der.length;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return false; // indefinite length is BER, not DER
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[2 + i]!;
  return 2 + count + length === der.length;
}
