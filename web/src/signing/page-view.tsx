import { useEffect, useMemo, useRef } from 'react';
import { renderPage, type PdfPage } from './pdf-document';
import type { OfdPage } from './ofd-document';
import { pdfToScreen, placeAtPoint, type PageBox, type PdfPlacement } from './placement';

/** Where a palette drag may end: each page registers how to place a seal dropped on it. */
export const dropTargets = new Map<number, (clientX: number, clientY: number) => void>();

export interface PlacedSeal extends PdfPlacement {
  id: string;
}

/**
 * One page, drawn by pdf.js (PDF) or as SVG (OFD, shared/ofd-view), with the seals placed on it. Seals are dragged with pointer events (from
 * the palette: see `usePaletteDrag`; a placed seal: here). Positions are kept in PDF points, so
 * zooming never moves a seal on the paper.
 */
export function PageView({
  page,
  pageNumber,
  zoom,
  seals,
  sealLabel,
  sealSize,
  crossPage,
  pageCount,
  onPlace,
  onMove,
  onRemove,
}: {
  page: PdfPage | OfdPage;
  pageNumber: number;
  zoom: number;
  seals: PlacedSeal[];
  sealLabel: string;
  sealSize: { width: number; height: number };
  /** 骑缝章: each page shows its slice at the right edge (the API places it there). */
  crossPage: boolean;
  pageCount: number;
  onPlace: (p: PdfPlacement) => void;
  onMove: (id: string, p: PdfPlacement) => void;
  onRemove: (id: string) => void;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const box: PageBox = { view: page.view as [number, number, number, number] };
  // The SVG is the platform's own drawing (every text and value escaped), so it is inlined: the page's text is text.
  const ofdSvg = useMemo(() => {
    if (!('svg' in page)) return undefined;
    try {
      return { __html: page.svg() };
    } catch {
      return { __html: '<p class="page-note">本页内容过多，无法显示；请按页面位置放置印章。</p>' };
    }
  }, [page]);
  const width = (box.view[2] - box.view[0]) * zoom;
  const height = (box.view[3] - box.view[1]) * zoom;

  useEffect(() => {
    if (canvas.current && 'render' in page) renderPage(page, canvas.current, zoom).catch(() => undefined);
  }, [page, zoom]);

  const placeAt = (clientX: number, clientY: number, rect: DOMRect) =>
    placeAtPoint({ x: clientX - rect.left, y: clientY - rect.top }, sealSize, box, pageNumber, zoom);

  const startMove = (seal: PlacedSeal, e: React.PointerEvent<HTMLDivElement>) => {
    e.preventDefault();
    const rect = (e.currentTarget.parentElement as HTMLElement).getBoundingClientRect();
    const move = (ev: PointerEvent) => onMove(seal.id, placeAt(ev.clientX, ev.clientY, rect));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div
      className="pdf-page"
      data-testid={`pdf-page-${pageNumber}`}
      style={{ width, height }}
      data-page-number={pageNumber}
      ref={(el) => {
        if (el) dropTargets.set(pageNumber, (x, y) => onPlace(placeAt(x, y, el.getBoundingClientRect())));
      }}
    >
      {ofdSvg ? <div className="ofd-page" data-testid="ofd-page" dangerouslySetInnerHTML={ofdSvg} /> : <canvas ref={canvas} />}
      {seals.map((s) => {
        const at = pdfToScreen(s, box, zoom);
        return (
          <div
            key={s.id}
            className="placed-seal"
            data-testid="placed-seal"
            style={{ left: at.left, top: at.top, width: at.width, height: at.height }}
            onPointerDown={(e) => startMove(s, e)}
          >
            <span>{sealLabel}</span>
            <button className="remove" title="移除" onPointerDown={(e) => e.stopPropagation()} onClick={() => onRemove(s.id)}>
              ×
            </button>
          </div>
        );
      })}
      {crossPage && (
        <div
          className="cross-page-slice"
          data-testid="cross-page-slice"
          style={{ width: (sealSize.width * zoom) / pageCount, height: sealSize.height * zoom, top: (height - sealSize.height * zoom) / 2 }}
        />
      )}
      <div className="page-number">第 {pageNumber} 页</div>
    </div>
  );
}
