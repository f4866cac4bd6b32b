import type { OfdPageView, OfdView } from '@seal/shared/ofd-view';
import type { DocumentPreview } from './page-preview-types';

const PT_PER_MM = 72 / 25.4;

/**
 * An opened OFD as the placer takes a document: each page's box in points from its lower-left, as
 * placements are kept, and the page drawn in the image form the device takes (`pageUrl`). An SVG
 * scales to any zoom: one image per page, whatever the scale asked for.
 */
export function ofdPreview(view: OfdView, pageUrl: (page: OfdPageView) => string): DocumentPreview {
  return {
    pageCount: view.pages.length,
    boxes: view.pages.map((page) => ({ x0: 0, y0: 0, x1: page.box[2] * PT_PER_MM, y1: page.box[3] * PT_PER_MM })),
    rotations: view.pages.map(() => 0),
    renderPage: async (pageNumber) => pageUrl(view.pages[pageNumber - 1]!),
    close: () => undefined,
  };
}
