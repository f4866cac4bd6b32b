import QRCode from 'qrcode';

/**
 * The QR code of a text as one SVG path of dark modules (runs of a row merged), in module units:
 * drawn as vectors, it prints sharp at any size and needs no image in the PDF.
 */
export function qrPath(text: string): { path: string; size: number } {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = qr.modules;
  let path = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      path += `M${start} ${row}h${col - start}v1h${start - col}z`;
    }
  }
  return { path, size };
}
