import { PdfString } from '../syntax/objects';

/** Reserved CMS space: the seal and root certificates plus a timestamp token (with its own two) fit in well under this. */
export const CONTENTS_BYTES = 8192;
/** Fixed-width ByteRange so filling it in never moves a byte. */
export const BYTE_RANGE_PLACEHOLDER = '[0 9999999999 9999999999 9999999999]';

/** The /ByteRange and /Contents a signature dictionary is written with, found and filled in afterwards. */
export function placeholderEntries() {
  return {
    ByteRange: [0, 9999999999, 9999999999, 9999999999],
    Contents: new PdfString(new Uint8Array(CONTENTS_BYTES), true),
  };
}

export interface Placeholder {
  /** Offset of '<' of /Contents. */
  contentsStart: number;
  /** Offset just past '>' of /Contents. */
  contentsEnd: number;
  byteRangeAt: number;
}

/** Finds the placeholders inside the written signature dictionary. */
export function locatePlaceholder(bytes: Buffer, sigObjectAt: number): Placeholder {
  const byteRangeAt = bytes.indexOf(BYTE_RANGE_PLACEHOLDER, sigObjectAt, 'latin1');
  const zeros = '<' + '00'.repeat(16);
  const contentsStart = bytes.indexOf(zeros, sigObjectAt, 'latin1');
  if (byteRangeAt < 0 || contentsStart < 0) throw new Error('signature placeholder not found');
  return { contentsStart, contentsEnd: contentsStart + 2 + CONTENTS_BYTES * 2, byteRangeAt };
}

export function fillByteRange(bytes: Buffer, p: Placeholder): [number, number, number, number] {
  const range: [number, number, number, number] = [0, p.contentsStart, p.contentsEnd, bytes.length - p.contentsEnd];
  const text = `[${range.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  bytes.write(text, p.byteRangeAt, 'latin1');
  return range;
}

export function fillContents(bytes: Buffer, p: Pick<Placeholder, 'contentsStart'>, cms: Uint8Array): void {
  if (cms.length > CONTENTS_BYTES) throw new Error('CMS larger than the reserved space');
  bytes.write(Buffer.from(cms).toString('hex'), p.contentsStart + 1, 'latin1');
}
