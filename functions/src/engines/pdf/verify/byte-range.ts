import type { PdfDocument } from '../syntax/document';
import { PdfStream, PdfString, type PdfDict, type PdfRef } from '../syntax/objects';
import { parseIndirectObject } from '../syntax/parser';
import type { Coverage } from './report';

export interface RangeCheck {
  coverage: Coverage;
  /** [start, length] pairs to hash when the range is usable. */
  ranges: [number, number][] | null;
  /** The DER CMS from /Contents with its zero padding removed. */
  cms: Uint8Array | null;
  /** 0-based index of the revision the range ends with. */
  revision: number | null;
  problems: string[];
}

/**
 * A ByteRange is accepted only in its one honest shape: [0 a b c], the gap [a, b) is exactly
 * the /Contents hex string of this very signature dictionary (read at its cross-reference
 * offset), and b + c is the end of a revision. Anything else (wrapping, overlaps, ranges that
 * exclude nothing or run past the file, null or empty values) is refused.
 */
export function checkByteRange(doc: PdfDocument, sigRef: PdfRef | null, sig: PdfDict): RangeCheck {
  const fail = (problem: string, cms: Uint8Array | null = null): RangeCheck => ({ coverage: 'invalid', ranges: null, cms, revision: null, problems: [problem] });
  const br = sig.get('ByteRange');
  if (!Array.isArray(br) || br.length !== 4 || !br.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return fail('签名的字节范围缺失或格式错误');
  const [s0, a, b, c] = br as number[];
  const size = doc.bytes.length;
  if (s0 !== 0) return fail('签名的字节范围不从文件开头开始');
  if (!(a! > 0 && b! > a! && b! + c! <= size)) return fail('签名的字节范围重叠、为空或超出文件');
  if (!sigRef) return fail('签名字典不是独立对象，无法定位签名值');
  const offset = doc.offsetOf(sigRef.num);
  if (offset === undefined) return fail('签名字典位于压缩对象流中，无法定位签名值');
  // Parse the dictionary where it really is, to learn the byte span of its /Contents token.
  let contents;
  try {
    const obj = parseIndirectObject(doc.bytes, offset);
    contents = obj.value instanceof PdfStream ? undefined : (obj.value as PdfDict | null)?.get?.('Contents');
  } catch {
    return fail('签名字典无法解析');
  }
  if (!(contents instanceof PdfString) || !contents.hex || contents.bytes.length === 0) return fail('签名值（/Contents）缺失或为空');
  const cms = stripPadding(contents.bytes);
  if (cms.length === 0) return fail('签名值（/Contents）为空');
  if (contents.start !== a || contents.end !== b) return fail('签名的字节范围未准确排除签名值本身', cms);
  const end = b! + c!;
  const revision = doc.revisions.findIndex((r) => r.end === end || r.eofEnd === end);
  const ranges: [number, number][] = [
    [0, a!],
    [b!, c!],
  ];
  if (revision < 0) return { coverage: 'partial', ranges, cms, revision: null, problems: ['签名范围未覆盖到一个完整版本的结尾'] };
  return { coverage: 'whole_revision', ranges, cms, revision, problems: [] };
}

/** CMS is DER: its own length says where it ends; the rest of /Contents is zero padding. */
function stripPadding(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x30 || bytes.length < 2) return bytes;
  const l = bytes[1]!;
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
