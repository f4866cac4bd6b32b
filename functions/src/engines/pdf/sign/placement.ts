/** Where a seal goes, in PDF user space (origin bottom-left); size defaults to the seal's own. */
export interface SealPlacement {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  width?: number;
  height?: number;
}
