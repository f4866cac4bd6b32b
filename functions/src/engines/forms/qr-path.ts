// The encoder alone: the package's index also loads its PNG, SVG and terminal renderers (pngjs).
import { create as createQr } from 'qrcode/lib/core/qrcode';

/** A horizontal run of dark modules: row and first column from the top left, in modules. */
export interface QrRun {
  row: number;
  col: number;
  length: number;
}

/**
 * The QR code of a text as runs of dark modules (a row's neighbours merged): drawn as filled
 * rectangles, it prints sharp at any size and needs no image in the PDF.
 */
export function qrRuns(text: string): { runs: QrRun[]; size: number } {
  const qr = createQr(text, { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      runs.push({ row, col: start, length: col - start });
    }
  }
  return { runs, size };
}
