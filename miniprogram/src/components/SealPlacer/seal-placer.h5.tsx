import { useRef, useState, type PointerEvent } from 'react';
import { clampToPage, pageCssSize, pdfToScreen, screenToPdf, sealCssSize, type PageView, type ScreenPoint } from './placement-geometry';
import { SealMark } from './seal-mark';
import type { SealPlacerProps } from './types';
import './seal-placer.css';

interface Drag {
  key: string;
  pointerId: number;
  /** Where the pointer grabbed the seal, relative to the seal's top-left corner. */
  grab: ScreenPoint;
  at: ScreenPoint;
}

/**
 * The browser placer: a page and its seals, dragged with pointer events, so a mouse, a finger or a
 * pen all work (Taro's H5 MovableView listens to touch events only). Positions are kept in PDF
 * points; the screen position is derived at the current zoom.
 */
export function SealPlacer({ pageNumber, box, cssWidth, previewUrl, seal, placements, onMove, onRemove }: SealPlacerProps) {
  const view: PageView = { box, cssWidth };
  const page = pageCssSize(view);
  const sealSize = sealCssSize(seal.sizePt, view);
  const area = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);

  const pointInPage = (event: PointerEvent): ScreenPoint => {
    const rect = area.current!.getBoundingClientRect();
    return { left: event.clientX - rect.left, top: event.clientY - rect.top };
  };

  const start = (key: string, event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as HTMLElement).dataset.remove) return;
    const placement = placements.find((p) => p.key === key)!;
    const at = pdfToScreen(placement, seal.sizePt, view);
    const pointer = pointInPage(event);
    event.currentTarget.setPointerCapture?.(event.pointerId);
    event.preventDefault();
    setDrag({ key, pointerId: event.pointerId, grab: { left: pointer.left - at.left, top: pointer.top - at.top }, at });
  };

  const move = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const pointer = pointInPage(event);
    const at = clampToPage({ left: pointer.left - drag.grab.left, top: pointer.top - drag.grab.top }, seal.sizePt, view);
    setDrag({ ...drag, at });
  };

  const end = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    setDrag(null);
    onMove(drag.key, { key: drag.key, ...screenToPdf(drag.at, seal.sizePt, view, pageNumber) });
  };

  return (
    <div
      ref={area}
      className="seal-placer"
      data-page={pageNumber}
      style={{ width: `${page.width}px`, height: `${page.height}px` }}
      aria-label={`第${pageNumber}页`}
    >
      {previewUrl ? (
        <img className="seal-placer__page" src={previewUrl} alt={`第${pageNumber}页`} draggable={false} />
      ) : (
        <div className="seal-placer__outline">第 {pageNumber} 页</div>
      )}
      {placements
        .filter((p) => p.page === pageNumber)
        .map((p) => {
          const dragging = drag?.key === p.key;
          const at = dragging ? drag.at : pdfToScreen(p, seal.sizePt, view);
          return (
            <div
              key={p.key}
              className={`seal-placer__seal${dragging ? ' seal-placer__seal--dragging' : ''}`}
              data-seal-key={p.key}
              style={{ left: `${at.left}px`, top: `${at.top}px`, width: `${sealSize.width}px`, height: `${sealSize.height}px` }}
              onPointerDown={(e) => start(p.key, e)}
              onPointerMove={move}
              onPointerUp={end}
              onPointerCancel={end}
            >
              <SealMark seal={seal} width={sealSize.width} height={sealSize.height} />
              <div className="seal-placer__remove" data-remove="1" role="button" aria-label="移除此处印章" onClick={() => onRemove(p.key)}>
                ×
              </div>
            </div>
          );
        })}
    </div>
  );
}
