import type { PdfDocument } from '../syntax/document';
import { PdfStream, PdfString, type PdfDict, type PdfRef } from '../syntax/objects';
import { parseIndirectObject } from '../syntax/parser';
import type { Coverage, FindingCode } from './report';

export interface RangeCheck {
  coverage: Coverage;
  /** [start, length] pairs to hash when the range is usable. */
  ranges: [number, number][] | null;
  /** The CMS (or timestamp token) from /Contents, trailing zero padding removed. */
  cms: Uint8Array | null;
  /** 0-based index of the revision the range ends with. */
  revision: number | null;
  /** The signed range ends at the end of the file. */
  wholeDocument: boolean;
  problem: FindingCode | null;
}

/**
 * A ByteRange is accepted only in its one honest shape: [0 a b c], the gap [a, b) is exactly
 * the /Contents hex string of this very signature dictionary (read at its cross-reference
 * offset), and b + c is the end of a revision. Anything else (wrapping, overlaps, ranges that
 * exclude nothing or run past the file, null or empty values) is refused.
 */
export function checkByteRange(doc: PdfDocument, sigRef: PdfRef | null, sig: PdfDict): RangeCheck {
  const fail = (problem: FindingCode, cms: Uint8Array | null = null): RangeCheck => ({ coverage: 'invalid', ranges: null, cms, revision: null, wholeDocument: false, problem });
  const br = sig.get('ByteRange');
  if (!Array.isArray(br) || br.length !== 4 || !br.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return fail('BYTE_RANGE_INVALID');
  const [s0, a, b, c] = br as number[];
  const size = doc.bytes.length;
  if (s0 !== 0 || !(a! > 0 && b! > a! && b! + c! <= size)) return fail('BYTE_RANGE_INVALID');
  if (!sigRef) return fail('SIGNATURE_DICTIONARY_UNLOCATABLE');
  const offset = doc.offsetOf(sigRef.num);
  if (offset === undefined) return fail('SIGNATURE_DICTIONARY_UNLOCATABLE');
  // Parse the dictionary where it really is, to learn the byte span of its /Contents token.
  let contents;
  try {
    const obj = parseIndirectObject(doc.bytes, offset);
    contents = obj.value instanceof PdfStream ? undefined : (obj.value as PdfDict | null)?.get?.('Contents');
  } catch {
    return fail('SIGNATURE_DICTIONARY_UNLOCATABLE');
  }
  if (!(contents instanceof PdfString) || !contents.hex) return fail('CONTENTS_EMPTY');
  const cms = stripPadding(contents.bytes);
  if (cms.length === 0 || cms.every((x) => x === 0)) return fail('CONTENTS_EMPTY');
  if (contents.start !== a || contents.end !== b) return fail('CONTENTS_NOT_EXCLUDED', cms);
  const end = b! + c!;
  const revision = doc.revisions.findIndex((r) => r.end === end || r.eofEnd === end);
  const ranges: [number, number][] = [
    [0, a!],
    [b!, c!],
  ];
  const wholeDocument = end === size;
  if (revision < 0) return { coverage: 'partial', ranges, cms, revision: null, wholeDocument, problem: 'NOT_AT_REVISION_END' };
  return { coverage: 'whole_revision', ranges, cms, revision, wholeDocument, problem: null };
}

/**
 * A DER or BER blob says where it ends: the rest of /Contents is zero padding. An indefinite
 * length ends at the last non-zero byte followed by its end-of-contents octets, so for BER the
 * trailing zeros are kept (the reader stops at the end-of-contents itself).
 */
function stripPadding(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x30 || bytes.length < 2) return bytes;
  const l = bytes[1]!;
  if (l === 0x80) return bytes;
  let len = l;
  let head = 2;
  if (l & 0x80) {
    const n = l & 0x7f;
    if (n === 0 || n > 4) return bytes;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
    head = 2 + n;
  }
  return head + len <= bytes.length ? bytes.subarray(0, head + len) : bytes;
}
