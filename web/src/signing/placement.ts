/**
 * Seal placement between the screen and the PDF. The page is drawn at `zoom` CSS pixels per PDF
 * point with its top-left corner at (0, 0); PDF user space has its origin at the media box's
 * bottom-left and y going up. The sign API takes the seal's bottom-left corner and width in points.
 * Rotated pages (/Rotate) are not handled: pdf.js draws them turned, and this maps unturned pages.
 */
export interface PageBox {
  /** Media box in PDF points: [x0, y0, x1, y1]. */
  view: readonly [number, number, number, number];
}

export interface ScreenBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface PdfPlacement {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function pageSizePt(page: PageBox): { width: number; height: number } {
  return { width: page.view[2] - page.view[0], height: page.view[3] - page.view[1] };
}

export function screenToPdf(box: ScreenBox, page: PageBox, pageNumber: number, zoom: number): PdfPlacement {
  const [x0, , , y1] = page.view;
  return {
    page: pageNumber,
    x: round(x0 + box.left / zoom),
    y: round(y1 - (box.top + box.height) / zoom),
    width: round(box.width / zoom),
    height: round(box.height / zoom),
  };
}

export function pdfToScreen(p: Omit<PdfPlacement, 'page'>, page: PageBox, zoom: number): ScreenBox {
  const [x0, , , y1] = page.view;
  return { left: (p.x - x0) * zoom, top: (y1 - p.y - p.height) * zoom, width: p.width * zoom, height: p.height * zoom };
}

/** Keeps a seal wholly on its page (a seal hanging off the edge would be cut in print). */
export function clampToPage(p: Omit<PdfPlacement, 'page'>, page: PageBox): Omit<PdfPlacement, 'page'> {
  const [x0, y0, x1, y1] = page.view;
  return { ...p, x: Math.min(Math.max(p.x, x0), x1 - p.width), y: Math.min(Math.max(p.y, y0), y1 - p.height) };
}

/** A seal's size on paper, in points (1 mm = 72 / 25.4 pt): 42 mm company seals, 20 mm name seals. */
export function sealSizePt(kind: string): { width: number; height: number } {
  const mm = (n: number) => (n * 72) / 25.4;
  if (kind === 'legal_representative_name') return { width: mm(20), height: mm(20) };
  if (kind === 'invoice') return { width: mm(40), height: mm(30) };
  return { width: mm(42), height: mm(42) };
}

/** A seal of `size` points centred on a point of the page (CSS px from its top-left), kept on the page. */
export function placeAtPoint(
  point: { x: number; y: number },
  size: { width: number; height: number },
  page: PageBox,
  pageNumber: number,
  zoom: number,
): PdfPlacement {
  const w = size.width * zoom;
  const h = size.height * zoom;
  const p = screenToPdf({ left: point.x - w / 2, top: point.y - h / 2, width: w, height: h }, page, pageNumber, zoom);
  return { ...clampToPage(p, page), page: pageNumber };
}
