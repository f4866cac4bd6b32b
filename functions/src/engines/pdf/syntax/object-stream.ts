import { unreadable } from '../errors';
import type { Budget } from './bounds';
import { decodeStream } from './filters';
import type { PdfStream } from './objects';
import { PdfLexer } from './parser';

export interface ObjectStream {
  data: Uint8Array;
  /** The object number of each packed object, in order. */
  numbers: number[];
  /** Where each packed object starts, relative to `first`. */
  offsets: number[];
  first: number;
}

/**
 * An object stream's header: /N pairs "number offset". /N is what the stream claims; each pair
 * needs at least four decoded bytes, so a count its data cannot hold is refused before reading.
 */
export function objectStreamHeader(stream: PdfStream, budget: Budget): ObjectStream {
  const data = decodeStream(stream, budget.decodedLeft());
  budget.spendDecoded(data.length);
  const n = stream.dict.get('N');
  const first = stream.dict.get('First');
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n * 4 > data.length) throw unreadable('bad object stream /N');
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > data.length) throw unreadable('bad object stream /First');
  const lx = new PdfLexer(data);
  const numbers: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < n; i++) {
    numbers.push(lx.readInt());
    offsets.push(lx.readInt());
  }
  return { data, numbers, offsets, first };
}
