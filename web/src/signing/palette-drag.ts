import { useState } from 'react';
import { dropTargets } from './page-view';

/**
 * Dragging the chosen seal from the palette onto a page with pointer events (mouse, pen, touch): a
 * ghost follows the pointer, and releasing it over a page places the seal there. Pointer events
 * rather than HTML drag and drop, whose drag image and drop events differ between browsers.
 */
export function usePaletteDrag() {
  const [ghost, setGhost] = useState<{ x: number; y: number }>();
  const start = (e: React.PointerEvent) => {
    e.preventDefault();
    setGhost({ x: e.clientX, y: e.clientY });
    const move = (ev: PointerEvent) => setGhost({ x: ev.clientX, y: ev.clientY });
    const up = (ev: PointerEvent) => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setGhost(undefined);
      const page = document
        .elementsFromPoint(ev.clientX, ev.clientY)
        .map((el) => (el as HTMLElement).closest?.('[data-page-number]') as HTMLElement | null)
        .find(Boolean);
      const place = page ? dropTargets.get(Number(page.dataset.pageNumber)) : undefined;
      place?.(ev.clientX, ev.clientY);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  return { ghost, start };
}
