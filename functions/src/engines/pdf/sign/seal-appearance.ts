import type { SealDrawing } from '../../appearance/drawing';
import { sealToPdfOps } from '../../appearance/to-pdf-ops';
import { flateStream } from '../syntax/filters';
import { dict, name, PdfStream, type PdfRef } from '../syntax/objects';
import { formatNumber as f } from '../syntax/serialize';

/** The seal as a Form XObject in its own size; widgets scale it to their rectangle. */
export function sealFormXObject(drawing: SealDrawing): PdfStream {
  return flateStream(sealToPdfOps(drawing), {
    Type: name('XObject'),
    Subtype: name('Form'),
    BBox: [0, 0, drawing.width, drawing.height],
    Resources: dict({ ExtGState: dict({ GSeal: dict({ Type: name('ExtGState'), BM: name('Multiply') }) }) }),
  });
}

/**
 * One slice of a 骑缝章: a box `sliceWidth × height` showing the part of the seal (drawn
 * `width` wide) that starts `offset` from its left edge.
 */
export function sealSliceXObject(seal: PdfRef, drawing: SealDrawing, width: number, height: number, offset: number, sliceWidth: number): PdfStream {
  const sx = width / drawing.width;
  const sy = height / drawing.height;
  const ops = `q 0 0 ${f(sliceWidth)} ${f(height)} re W n ${f(sx)} 0 0 ${f(sy)} ${f(-offset)} 0 cm /Seal Do Q`;
  return new PdfStream(
    dict({ Type: name('XObject'), Subtype: name('Form'), BBox: [0, 0, sliceWidth, height], Resources: dict({ XObject: dict({ Seal: seal }) }) }),
    Buffer.from(ops, 'latin1'),
  );
}
