import { fireEvent, render } from '@testing-library/react';
import { SealPlacer } from './index';
import { A4, sealSizePt, type PageBox } from './placement-geometry';
import type { SealMarkPlacement } from './types';

jest.mock('@tarojs/components', () => jest.requireActual('../../../test/interactive-components-stub'));

// jsdom has no PointerEvent; a MouseEvent with a pointer id is what the placer reads.
class TestPointerEvent extends MouseEvent {
  readonly pointerId: number;
  constructor(type: string, init: MouseEventInit & { pointerId?: number } = {}) {
    super(type, init);
    this.pointerId = init.pointerId ?? 1;
  }
}
(window as unknown as { PointerEvent: unknown }).PointerEvent = TestPointerEvent;

const contractSeal = { kind: 'contract', name: '合同专用章', sizePt: sealSizePt('contract') };
const SEAL_H = contractSeal.sizePt.height;

/** Renders page 2 of a document at `cssWidth`, the page's top-left at (pageLeft, pageTop) on screen. */
function renderPage(box: PageBox, cssWidth: number, placements: SealMarkPlacement[], pageLeft = 16, pageTop = 200) {
  const onMove = jest.fn();
  const utils = render(
    <SealPlacer
      pageNumber={2}
      box={box}
      cssWidth={cssWidth}
      seal={contractSeal}
      placements={placements}
      onMove={onMove}
      onRemove={jest.fn()}
    />,
  );
  const page = utils.container.querySelector('.seal-placer') as HTMLElement;
  page.getBoundingClientRect = () => ({
    left: pageLeft,
    top: pageTop,
    x: pageLeft,
    y: pageTop,
    width: cssWidth,
    height: 0,
    right: 0,
    bottom: 0,
    toJSON: () => ({}),
  });
  return { ...utils, onMove, page };
}

/** Drags a seal by `dx`, `dy` CSS pixels, grabbing it at its top-left corner. */
function drag(seal: HTMLElement, from: { x: number; y: number }, dx: number, dy: number) {
  fireEvent.pointerDown(seal, { clientX: from.x, clientY: from.y, pointerId: 7 });
  fireEvent.pointerMove(seal, { clientX: from.x + dx / 2, clientY: from.y + dy / 2, pointerId: 7 });
  fireEvent.pointerMove(seal, { clientX: from.x + dx, clientY: from.y + dy, pointerId: 7 });
  fireEvent.pointerUp(seal, { clientX: from.x + dx, clientY: from.y + dy, pointerId: 7 });
}

describe('SealPlacer (browser)', () => {
  it.each([
    ['fit to a 358 px wide phone', 358],
    ['zoomed to 150%', 537],
    ['zoomed to 300%', 1074],
  ])('maps a seal dropped 100 pt from the left and 300 pt from the top of A4 to PDF points, %s', (_, cssWidth) => {
    const scale = cssWidth / A4.x1;
    // The seal starts at the page's top-left corner (x 0, y = top edge − seal height).
    const start: SealMarkPlacement = { key: 's1', page: 2, x: 0, y: A4.y1 - SEAL_H };
    const { onMove, container } = renderPage(A4, cssWidth, [start]);
    const seal = container.querySelector('[data-seal-key="s1"]') as HTMLElement;
    expect(seal.style.left).toBe('0px');

    // Pointer positions come in whole CSS pixels: the drop lands within half a pixel of the spot.
    const dx = Math.round(100 * scale);
    const dy = Math.round(300 * scale);
    drag(seal, { x: 16 + 1, y: 200 + 1 }, dx, dy);

    const [key, placement] = onMove.mock.calls[0]!;
    expect(key).toBe('s1');
    expect(placement.page).toBe(2);
    expect(placement.x).toBeCloseTo(dx / scale, 1);
    expect(Math.abs(placement.x - 100)).toBeLessThanOrEqual(0.5 / scale);
    // PDF y grows upwards from the bottom: the seal's lower-left corner.
    expect(placement.y).toBeCloseTo(A4.y1 - dy / scale - SEAL_H, 1);
  });

  it('draws a stored placement at the same spot on paper after zooming', () => {
    const placement: SealMarkPlacement = { key: 's1', page: 2, x: 200, y: 150 };
    const small = renderPage(A4, 300, [placement]);
    const smallSeal = small.container.querySelector('[data-seal-key="s1"]') as HTMLElement;
    const smallLeft = parseFloat(smallSeal.style.left);
    small.unmount();
    const large = renderPage(A4, 900, [placement]);
    const largeSeal = large.container.querySelector('[data-seal-key="s1"]') as HTMLElement;
    expect(parseFloat(largeSeal.style.left)).toBeCloseTo(smallLeft * 3, 3);
    expect(parseFloat(largeSeal.style.width)).toBeCloseTo((contractSeal.sizePt.width * 900) / A4.x1, 3);
  });

  it('uses the media box origin of a page that does not start at (0, 0)', () => {
    const box: PageBox = { x0: 50, y0: 100, x1: 662, y1: 892 }; // Letter, shifted
    const { onMove, container } = renderPage(box, 612, [{ key: 's1', page: 2, x: 50, y: 892 - SEAL_H }]);
    drag(container.querySelector('[data-seal-key="s1"]') as HTMLElement, { x: 17, y: 201 }, 40, 60);
    const [, placement] = onMove.mock.calls[0]!;
    expect(placement.x).toBeCloseTo(90, 1);
    expect(placement.y).toBeCloseTo(892 - 60 - SEAL_H, 1);
  });

  it('keeps the seal on the page when it is dragged past the bottom-right corner', () => {
    const { onMove, container } = renderPage(A4, 358, [{ key: 's1', page: 2, x: 300, y: 300 }]);
    const seal = container.querySelector('[data-seal-key="s1"]') as HTMLElement;
    drag(seal, { x: 200, y: 400 }, 5000, 5000);
    const [, placement] = onMove.mock.calls[0]!;
    expect(placement.x).toBeCloseTo(A4.x1 - contractSeal.sizePt.width, 1);
    expect(placement.y).toBe(0);
  });

  it('shows only the seals placed on this page', () => {
    const { container } = renderPage(A4, 358, [
      { key: 'a', page: 1, x: 10, y: 10 },
      { key: 'b', page: 2, x: 10, y: 10 },
      { key: 'c', page: 2, x: 200, y: 10 },
    ]);
    expect([...container.querySelectorAll('[data-seal-key]')].map((e) => e.getAttribute('data-seal-key'))).toEqual(['b', 'c']);
  });
});
