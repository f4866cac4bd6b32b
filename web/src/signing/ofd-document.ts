import { openOfdView } from '@seal/shared/ofd-view';
import type { PageBox } from './placement';

/**
 * An OFD package (GB/T 33190) as the signing page needs it: each page's box, in PDF points from the
 * page's lower-left as placements are kept (the server turns them into millimetres from the
 * top-left of the same page's PhysicalBox), and its drawing as SVG (shared/ofd-view, decision 0200).
 * The package is bounded and read in the browser; the server reads and checks it again when it signs.
 */
export interface OfdPage extends PageBox {
  /** The page drawn as SVG in millimetres: text, paths, images, templates and earlier seals. */
  svg: () => string;
}

const PT_PER_MM = 72 / 25.4;

export function openOfd(bytes: ArrayBuffer): { pages: OfdPage[] } {
  const view = openOfdView(new Uint8Array(bytes));
  return {
    pages: view.pages.map((page) => ({
      view: [0, 0, page.box[2] * PT_PER_MM, page.box[3] * PT_PER_MM] as const,
      svg: page.svg,
    })),
  };
}

/** What a file is, by its first bytes (as the server decides): a PDF header or a zip package (OFD). */
export function formatOf(bytes: ArrayBuffer): 'pdf' | 'ofd' | undefined {
  const head = new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 1029));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'ofd';
  return new TextDecoder('latin1').decode(head).includes('%PDF-') ? 'pdf' : undefined;
}
