import type { PageBox } from './placement-geometry';

/** A document opened on the device: page boxes and, where the device can draw PDFs, page images. */
export interface DocumentPreview {
  pageCount: number;
  /** Each page's media box in PDF points, page 1 first. */
  boxes: PageBox[];
  /** Each page's /Rotate (0, 90, 180, 270). */
  rotations: number[];
  /** A data URL of the page for display at `cssScale` CSS pixels per point. */
  renderPage(pageNumber: number, cssScale: number): Promise<string>;
  close(): void;
}
