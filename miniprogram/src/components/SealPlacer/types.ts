import type { PageBox, PdfPlacement, Size } from './placement-geometry';

/** The seal being placed: its size on paper and how it looks. */
export interface PlacedSeal {
  /** Seal kind (`company_name`, `legal_representative_name`…): decides the stand-in's shape. */
  kind: string;
  /** The seal's name on the stand-in, e.g. 合同专用章. */
  name: string;
  sizePt: Size;
  /** An image of the seal (SVG/PNG URL) when the API offers one; otherwise a drawn stand-in. */
  imageUrl?: string;
}

/** One visible seal on the document, with a key the page keeps across drags. */
export interface SealMarkPlacement extends PdfPlacement {
  key: string;
}

export interface SealPlacerProps {
  /** 1-based page shown. */
  pageNumber: number;
  box: PageBox;
  /** Drawn page width in CSS pixels (fit width × zoom). */
  cssWidth: number;
  /** A rendered image of the page, when there is one; otherwise a blank page outline. */
  previewUrl?: string;
  seal: PlacedSeal;
  /** Every placement on the document; only this page's are drawn. */
  placements: SealMarkPlacement[];
  /** A seal was dropped: its new lower-left corner in PDF points. */
  onMove: (key: string, placement: SealMarkPlacement) => void;
  onRemove: (key: string) => void;
}
