import { openPdf } from './pdf-document';
import type { PdfPlacement } from './placement';

/** Where a batch puts the seal on each document: the chosen page's lower right corner, 2 cm in. */
export const CORNER_MARGIN_PT = 57;
export type CornerPage = 'first' | 'last';
export const CORNER_PAGE_LABELS: Record<CornerPage, string> = { last: '末页右下角', first: '首页右下角' };

/**
 * The same rule for every file of a batch (UKey批量签章, 批量签章): the seal in the lower right
 * corner of the first or last page, whatever that page's size. Throws when pdf.js cannot open the file.
 */
export async function cornerPlacement(
  bytes: ArrayBuffer,
  where: CornerPage,
  size: { width: number; height: number },
): Promise<{ pageCount: number; placement: PdfPlacement }> {
  const doc = await openPdf(bytes);
  const page = where === 'first' ? 1 : doc.numPages;
  const [, y0, x1] = (await doc.getPage(page)).view as [number, number, number, number];
  await doc.destroy();
  return { pageCount: doc.numPages, placement: { page, x: x1 - size.width - CORNER_MARGIN_PT, y: y0 + CORNER_MARGIN_PT, ...size } };
}
