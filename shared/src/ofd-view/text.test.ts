import fc from 'fast-check';
import { base64Encode, latin1Decode, NotUtf8Error, utf8Decode, utf8Encode } from './text';

// The platform's own TextDecoder, TextEncoder and btoa (Node's here) are the oracles: what a browser gives, the renderer
// must give in WeChat's runtime too.
const fatal = new TextDecoder('utf-8', { fatal: true });
const btoaOf = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const decodeOrRefuse = (decode: (b: Uint8Array) => string, bytes: Uint8Array): string | 'refused' => {
  try {
    return decode(bytes);
  } catch {
    return 'refused';
  }
};
/** Any string, lone surrogates included (a JavaScript string is UTF-16 code units). */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });
/**
 * Mostly well-formed UTF-8 with a few sequences near its edges: a lead byte where the rules change
 * (overlong, surrogate, past U+10FFFF, stray continuation) and 0 to 3 continuation bytes.
 */
const edgyPiece = fc
  .tuple(
    fc.constantFrom(0x80, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xff),
    fc.array(fc.integer({ min: 0x80, max: 0xbf }), { maxLength: 3 }),
  )
  .map(([lead, rest]) => [lead, ...rest]);
const validPiece = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).map((c) => [...new TextEncoder().encode(c)]);
const edgyBytes = fc
  .array(fc.oneof({ arbitrary: validPiece, weight: 3 }, { arbitrary: edgyPiece, weight: 1 }), { maxLength: 8 })
  .map((pieces) => Uint8Array.from(pieces.flat()));

describe('UTF-8 and base64 without TextDecoder or btoa', () => {
  it('decodes exactly what a fatal TextDecoder decodes, and refuses exactly what it refuses', () => {
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 80 }), edgyBytes), (bytes) => {
        expect(decodeOrRefuse(utf8Decode, bytes)).toBe(decodeOrRefuse((b) => fatal.decode(b), bytes));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives back any text it is given as UTF-8, astral characters and a leading BOM included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), (text, bom) => {
        const bytes = new TextEncoder().encode((bom ? '\ufeff' : '') + text);
        expect(utf8Decode(bytes)).toBe(fatal.decode(bytes));
        expect(utf8Decode(bytes)).toBe(text);
      }),
    );
    const long = '合同甲方'.repeat(10_000);
    expect(utf8Decode(new TextEncoder().encode(long))).toBe(long);
  });

  it('refuses overlong forms, surrogates, values past U+10FFFF and cut sequences', () => {
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe5, 0x90], [0x80], [0xff]]) {
      expect(() => utf8Decode(Uint8Array.from(bad))).toThrow(NotUtf8Error);
    }
  });

  it('encodes as TextEncoder does, a lone surrogate as U+FFFD', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(utf8Encode(text)).toEqual(new TextEncoder().encode(text));
      }),
      { numRuns: 5_000 },
    );
  });

  it('writes base64 as btoa does, padding included', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(base64Encode(bytes)).toBe(btoaOf(bytes));
      }),
      { numRuns: 5_000 },
    );
    const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7919) & 0xff);
    expect(base64Encode(big)).toBe(btoaOf(big));
  });

  it('reads bytes one character each for a seal picture’s type', () => {
    expect(latin1Decode(Uint8Array.of(0x50, 0x4e, 0x47))).toBe('PNG');
  });
});
