// Seal placement between the screen and the PDF (decision 0020).
//
// The page is drawn `cssWidth` CSS pixels wide with its top-left corner at (0, 0), y going down.
// PDF user space has its origin at the media box's bottom-left, y going up, in points. The sign
// API takes the seal's lower-left corner in user space; the seal keeps its own size in points, so
// on screen it is drawn `sealPt * scale` wide. Zoom only changes `cssWidth`; the device pixel
// ratio only changes how many image pixels a page preview is rendered with, never CSS positions.
// Pages are taken unrotated (/Rotate 0): rotated pages would need the box turned first.

/** A page's media box in PDF points: lower-left (x0, y0), upper-right (x1, y1). */
export interface PageBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A4 portrait, for a page whose size is not known yet. */
export const A4: PageBox = { x0: 0, y0: 0, x1: 595.28, y1: 841.89 };

export interface PageView {
  box: PageBox;
  /** How wide the page is drawn, in CSS pixels (fit width × zoom). */
  cssWidth: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The seal's top-left corner on the drawn page, in CSS pixels. */
export interface ScreenPoint {
  left: number;
  top: number;
}

/** What the sign API takes: 1-based page and the seal's lower-left corner in PDF points. */
export interface PdfPlacement {
  page: number;
  x: number;
  y: number;
}

// `+ 0` turns -0 into 0: the API refuses negative positions and -0 reads as one in a log.
const round2 = (n: number): number => Math.round(n * 100) / 100 + 0;

export function pageSize(box: PageBox): Size {
  return { width: box.x1 - box.x0, height: box.y1 - box.y0 };
}

/** CSS pixels per PDF point. */
export function pageScale(view: PageView): number {
  return view.cssWidth / pageSize(view.box).width;
}

/** The drawn page's size in CSS pixels. */
export function pageCssSize(view: PageView): Size {
  const scale = pageScale(view);
  const { width, height } = pageSize(view.box);
  return { width: width * scale, height: height * scale };
}

/** The seal's size on the drawn page, in CSS pixels. */
export function sealCssSize(sealPt: Size, view: PageView): Size {
  const scale = pageScale(view);
  return { width: sealPt.width * scale, height: sealPt.height * scale };
}

/** Keeps the whole seal on the page: a seal hanging over the edge would be cut off in print. */
export function clampToPage(point: ScreenPoint, sealPt: Size, view: PageView): ScreenPoint {
  const page = pageCssSize(view);
  const seal = sealCssSize(sealPt, view);
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), Math.max(max, 0));
  return { left: clamp(point.left, page.width - seal.width), top: clamp(point.top, page.height - seal.height) };
}

/** Screen → PDF: the seal's top-left on screen becomes its lower-left corner in user space. */
export function screenToPdf(point: ScreenPoint, sealPt: Size, view: PageView, page: number): PdfPlacement {
  const scale = pageScale(view);
  const { left, top } = clampToPage(point, sealPt, view);
  return {
    page,
    x: round2(view.box.x0 + left / scale),
    y: round2(view.box.y1 - top / scale - sealPt.height),
  };
}

/** PDF → screen: where a placement is drawn on the page at this zoom. */
export function pdfToScreen(placement: Pick<PdfPlacement, 'x' | 'y'>, sealPt: Size, view: PageView): ScreenPoint {
  const scale = pageScale(view);
  return {
    left: (placement.x - view.box.x0) * scale,
    top: (view.box.y1 - placement.y - sealPt.height) * scale,
  };
}

/** Image pixels per point to render a page preview with, sharp on the screen's physical pixels. */
export function previewRenderScale(cssScale: number, devicePixelRatio: number): number {
  return cssScale * Math.max(1, devicePixelRatio || 1);
}

/** A point given in physical (device) pixels, as some canvases report it, in CSS pixels. */
export function deviceToCss(point: ScreenPoint, devicePixelRatio: number): ScreenPoint {
  const ratio = devicePixelRatio || 1;
  return { left: point.left / ratio, top: point.top / ratio };
}

/** Where a newly added seal first appears: the middle of the lower third, as on a contract. */
export function defaultSealPoint(sealPt: Size, view: PageView): ScreenPoint {
  const page = pageCssSize(view);
  const seal = sealCssSize(sealPt, view);
  return clampToPage({ left: page.width * 0.6 - seal.width / 2, top: page.height * 0.72 - seal.height / 2 }, sealPt, view);
}

/** A seal's size on paper, in points (1 mm = 72 / 25.4 pt): as drawn by functions/src/engines/appearance. */
export function sealSizePt(kind: string): Size {
  const mm = (n: number) => (n * 72) / 25.4;
  if (kind === 'legal_representative_name') return { width: mm(20), height: mm(20) };
  if (kind === 'invoice') return { width: mm(40), height: mm(30) };
  return { width: mm(42), height: mm(42) };
}
