import { Readable } from 'node:stream';
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';
import { notoSansScBytes } from '../../src/engines/fonts/noto-sans-sc';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

/**
 * The demo contract's Chinese text (the `seal demo` CLI, never a Lambda): Noto Sans SC Regular
 * (SIL OFL 1.1, shipped in @embedpdf/fonts-sc), embedded by pdf-lib as a subset of the characters
 * used. Deployed code draws text from glyph outlines instead (forms/outline-text.ts, decision 0025).
 *
 * Why upstream fontkit 2 and not @pdf-lib/fontkit: the fork's CFF subsetter writes a CID-keyed
 * CFF with an invalid header (poppler: "Embedded font file may be invalid", text renders blank;
 * pdf-lib issue #1232). Upstream fontkit's `createSubset()` is correct; pdf-lib only needs the
 * subset's `encodeStream()`, which upstream replaced by a synchronous `encode()`: bridged here.
 */
let fontBytes: Uint8Array | undefined;

export function cjkFontBytes(): Uint8Array {
  if (!fontBytes) {
    fontBytes = notoSansScBytes('Regular');
  }
  return fontBytes;
}

type UpstreamSubset = { includeGlyph(glyph: unknown): number; encode(): Uint8Array };

export const upstreamFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string) {
    const font = fontkit.create(Buffer.from(buffer), postscriptName) as unknown as { createSubset(): UpstreamSubset };
    return new Proxy(font, {
      get(target, prop, receiver) {
        if (prop !== 'createSubset') return Reflect.get(target, prop, receiver);
        return () => {
          const subset = target.createSubset();
          return {
            includeGlyph: (glyph: unknown) => subset.includeGlyph(glyph),
            encodeStream: () => Readable.from([subset.encode()]),
          };
        };
      },
    });
  },
} as unknown as Fontkit;
