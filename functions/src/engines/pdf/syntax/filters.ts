import { constants as zlib, deflateSync, inflateRawSync, inflateSync } from 'node:zlib';
import { PdfInputError, unreadable } from '../errors';
import { dict, name, PdfDict, PdfName, PdfStream, type PdfValue } from './objects';

/** A stream of `data`, Flate-compressed (deterministic for the same bytes), `entries` before /Filter. */
export function flateStream(data: Uint8Array | string, entries: Record<string, PdfValue> = {}): PdfStream {
  const raw = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return new PdfStream(dict({ ...entries, Filter: name('FlateDecode') }), deflateSync(raw));
}

/** Decompression bomb guard: no structural stream we read (xref, object stream) is this large. */
const MAX_DECODED = 64 * 1024 * 1024;

/**
 * Decodes the filters we need for structure: FlateDecode (with PNG predictors) or none, at most
 * `maxOutput` bytes. Damaged Flate data gives what decompresses before the damage, as viewers do.
 */
export function decodeStream(stream: PdfStream, maxOutput = MAX_DECODED): Uint8Array {
  const filter = stream.dict.get('Filter');
  const filters = Array.isArray(filter) ? filter : filter ? [filter] : [];
  const parms = stream.dict.get('DecodeParms');
  let data = stream.data;
  filters.forEach((f, i) => {
    if (!(f instanceof PdfName) || (f.name !== 'FlateDecode' && f.name !== 'Fl')) throw unreadable(`unsupported filter`);
    data = inflateTolerant(data, maxOutput);
    const p = Array.isArray(parms) ? parms[i] : parms;
    if (p instanceof PdfDict) data = unpredict(data, p);
  });
  if (data.length > maxOutput) throw new PdfInputError('PDF_TOO_LARGE', 'stream');
  return data;
}

/**
 * zlib, tolerant as viewers are: an unterminated stream (macOS Preview writes some) yields what it
 * holds; a stream damaged part-way yields the longest prefix that inflates (found by halving:
 * a prefix inflates exactly when it ends before the damage); a raw deflate stream without the zlib
 * header is accepted too. Output never exceeds `max` bytes.
 */
export function inflateTolerant(data: Uint8Array, max: number): Uint8Array {
  const options = { maxOutputLength: Math.max(1, max), finishFlush: zlib.Z_SYNC_FLUSH };
  const attempt = (input: Uint8Array, raw = false): Uint8Array | undefined => {
    try {
      return raw ? inflateRawSync(input, options) : inflateSync(input, options);
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfInputError('PDF_TOO_LARGE', 'stream');
      return undefined;
    }
  };
  const whole = attempt(data) ?? attempt(data, true);
  if (whole) return whole;
  if (data.length < 2 || attempt(data.subarray(0, 2)) === undefined) return new Uint8Array(0);
  let good = 2;
  let bad = data.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (attempt(data.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  return attempt(data.subarray(0, good)) ?? new Uint8Array(0);
}

function unpredict(data: Uint8Array, parms: PdfDict): Uint8Array {
  const predictor = Number(parms.get('Predictor') ?? 1);
  if (predictor < 10) return data;
  const columns = Number(parms.get('Columns') ?? 1);
  const colors = Number(parms.get('Colors') ?? 1);
  const bpc = Number(parms.get('BitsPerComponent') ?? 8);
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((columns * colors * bpc) / 8);
  if (!(rowLen > 0) || rowLen > 1 << 20) throw unreadable('bad predictor');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const raw = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      if (type === 0) v = raw;
      else if (type === 1) v = raw + left;
      else if (type === 2) v = raw + up;
      else if (type === 3) v = raw + ((left + up) >> 1);
      else if (type === 4) {
        const p = left + up - upLeft;
        const pa = Math.abs(p - left);
        const pb = Math.abs(p - up);
        const pc = Math.abs(p - upLeft);
        v = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
      } else throw unreadable('bad predictor row');
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}
