import { clampToPage, pdfToScreen, placeAtPoint, screenToPdf, type PageBox } from './placement';

const a4: PageBox = { view: [0, 0, 595.28, 841.89] };

describe('seal placement → PDF coordinates', () => {
  it('puts a seal drawn at the top-left corner at the top of the page in PDF space', () => {
    const p = screenToPdf({ left: 0, top: 0, width: 119, height: 119 }, a4, 1, 1);
    expect(p).toEqual({ page: 1, x: 0, y: 722.89, width: 119, height: 119 });
  });

  it.each([0.5, 1, 1.5, 2, 3.25])('gives the same PDF position at zoom %s', (zoom) => {
    const onScreen = { left: 200 * zoom, top: 300 * zoom, width: 119 * zoom, height: 119 * zoom };
    expect(screenToPdf(onScreen, a4, 2, zoom)).toEqual({ page: 2, x: 200, y: 841.89 - 300 - 119, width: 119, height: 119 });
  });

  it('honours a media box that does not start at the origin', () => {
    const shifted: PageBox = { view: [50, 100, 662, 892] };
    const p = screenToPdf({ left: 10, top: 20, width: 40, height: 40 }, shifted, 1, 2);
    expect(p).toMatchObject({ x: 55, y: 892 - 30, width: 20, height: 20 });
  });

  it('maps back to the same place on screen', () => {
    const box = { left: 123.4, top: 456.7, width: 80, height: 80 };
    const back = pdfToScreen(screenToPdf(box, a4, 1, 1.7), a4, 1.7);
    expect(back.left).toBeCloseTo(box.left, 0);
    expect(back.top).toBeCloseTo(box.top, 0);
  });

  it('keeps a seal dragged past the edge on the page', () => {
    const p = clampToPage({ x: 560, y: -30, width: 119, height: 119 }, a4);
    expect(p.x).toBeCloseTo(595.28 - 119);
    expect(p.y).toBe(0);
  });
});

describe('dropping a seal on a page', () => {
  it('centres the seal on the drop point at any zoom', () => {
    for (const zoom of [0.75, 1, 1.5]) {
      const p = placeAtPoint({ x: 300 * zoom, y: 400 * zoom }, { width: 100, height: 100 }, a4, 2, zoom);
      expect(p.page).toBe(2);
      expect(p.x).toBeCloseTo(250, 1);
      expect(p.y).toBeCloseTo(841.89 - 450, 1);
    }
  });

  it('keeps a seal dropped at the corner fully on the page', () => {
    const p = placeAtPoint({ x: 0, y: 0 }, { width: 119, height: 119 }, a4, 1, 1);
    expect(p).toMatchObject({ x: 0, y: 841.89 - 119 });
  });
});
