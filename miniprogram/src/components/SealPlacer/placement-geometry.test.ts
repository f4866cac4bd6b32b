import {
  A4,
  clampToPage,
  deviceToCss,
  pageScale,
  pdfToScreen,
  previewRenderScale,
  screenToPdf,
  sealCssSize,
  sealSizePt,
  type PageBox,
  type PageView,
} from './placement-geometry';

const companySeal = sealSizePt('company_name'); // 42 mm ≈ 119.06 pt
const letter: PageBox = { x0: 0, y0: 0, x1: 612, y1: 792 };
// A page whose media box does not start at the origin (cropped scans often look like this).
const offsetBox: PageBox = { x0: 30, y0: 40, x1: 630, y1: 840 };

describe('seal placement geometry', () => {
  it('puts a seal drawn at the top-left corner of the page at the top-left of the PDF page', () => {
    const view: PageView = { box: A4, cssWidth: 390 };
    expect(screenToPdf({ left: 0, top: 0 }, companySeal, view, 1)).toEqual({
      page: 1,
      x: 0,
      y: Math.round((A4.y1 - companySeal.height) * 100) / 100,
    });
  });

  it('puts a seal dragged to the bottom-left corner at the PDF origin (y grows upwards in PDF)', () => {
    const view: PageView = { box: letter, cssWidth: 306 }; // half a CSS pixel per point
    const seal = sealCssSize(companySeal, view);
    const bottomLeft = { left: 0, top: 396 - seal.height };
    expect(screenToPdf(bottomLeft, companySeal, view, 2)).toEqual({ page: 2, x: 0, y: 0 });
  });

  it.each([0.5, 1, 1.5, 2, 3.25])('maps the same spot on paper to the same PDF point at zoom %s', (zoom) => {
    // The user dropped the seal 100 pt from the left and 200 pt from the top of the page.
    const view: PageView = { box: letter, cssWidth: 350 * zoom };
    const scale = view.cssWidth / 612;
    const placement = screenToPdf({ left: 100 * scale, top: 200 * scale }, companySeal, view, 3);
    expect(placement.x).toBeCloseTo(100, 1);
    expect(placement.y).toBeCloseTo(792 - 200 - companySeal.height, 1);
  });

  it.each([1, 2, 3])('does not depend on the device pixel ratio (%s) once positions are in CSS pixels', (dpr) => {
    const view: PageView = { box: A4, cssWidth: 375 };
    // A preview rendered for this screen has dpr × as many pixels; a position reported in those
    // device pixels converts back to the same CSS position and so to the same PDF point.
    const renderScale = previewRenderScale(pageScale(view), dpr);
    expect(renderScale * (A4.x1 - A4.x0)).toBeCloseTo(375 * dpr, 6);
    const devicePoint = { left: 120 * dpr, top: 300 * dpr };
    expect(screenToPdf(deviceToCss(devicePoint, dpr), companySeal, view, 1)).toEqual(
      screenToPdf({ left: 120, top: 300 }, companySeal, view, 1),
    );
  });

  it('adds the media box origin when the page does not start at (0, 0)', () => {
    const view: PageView = { box: offsetBox, cssWidth: 600 }; // one CSS pixel per point
    const placement = screenToPdf({ left: 50, top: 100 }, companySeal, view, 1);
    expect(placement.x).toBeCloseTo(80, 2);
    expect(placement.y).toBeCloseTo(840 - 100 - companySeal.height, 2);
  });

  it('round-trips: a stored placement is drawn where it was dropped, at another zoom too', () => {
    const small: PageView = { box: A4, cssWidth: 300 };
    const large: PageView = { box: A4, cssWidth: 900 };
    const placement = screenToPdf({ left: 80, top: 200 }, companySeal, small, 1);
    const again = pdfToScreen(placement, companySeal, large);
    expect(again.left).toBeCloseTo(240, 0);
    expect(again.top).toBeCloseTo(600, 0);
  });

  it('keeps the whole seal on the page when it is dragged past an edge', () => {
    const view: PageView = { box: A4, cssWidth: 390 };
    const seal = sealCssSize(companySeal, view);
    const page = { width: 390, height: (390 / A4.x1) * A4.y1 };
    expect(clampToPage({ left: 1000, top: -50 }, companySeal, view)).toEqual({ left: page.width - seal.width, top: 0 });
    const placement = screenToPdf({ left: -10, top: 5000 }, companySeal, view, 1);
    expect(placement).toEqual({ page: 1, x: 0, y: 0 });
  });

  it('draws name seals smaller than company seals, as on paper', () => {
    expect(sealSizePt('legal_representative_name').width).toBeCloseTo(56.69, 1); // 20 mm
    expect(sealSizePt('company_name').width).toBeCloseTo(119.06, 1); // 42 mm
    expect(sealSizePt('invoice')).toEqual({ width: expect.closeTo(113.39, 1), height: expect.closeTo(85.04, 1) });
  });
});
