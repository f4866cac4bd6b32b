import { previewRenderScale, type PageBox } from './placement-geometry';
import type { DocumentPreview } from './page-preview-types';
import { ofdPreview } from './ofd-pages';

export type { DocumentPreview } from './page-preview-types';

type PdfJs = typeof import('pdfjs-dist');

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js, loaded only when a document is opened (its ~1.8 MB never reaches the first screen). The
 * parser runs on the main thread: `globalThis.pdfjsWorker` is pdf.js's documented switch for that,
 * and it spares us serving a separate worker file; a phone renders one page at a time.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import(/* webpackChunkName: "pdfjs-worker" */ 'pdfjs-dist/legacy/build/pdf.worker.min.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return (await import(/* webpackChunkName: "pdfjs" */ 'pdfjs-dist/legacy/build/pdf.min.mjs')) as unknown as PdfJs;
  })();
  return loading;
}

/**
 * Opens the chosen PDF in the browser: every page's media box (for exact placement) and a
 * renderer for page images. Undefined when the file cannot be read here (the server decides).
 */
export async function openDocumentPreview(bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  try {
    const pdfjs = await loadPdfJs();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false }).promise;
    const boxes: PageBox[] = [];
    const rotations: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      boxes.push({ x0, y0, x1, y1 });
      rotations.push(page.rotate);
    }
    return {
      pageCount: doc.numPages,
      boxes,
      rotations,
      async renderPage(pageNumber, cssScale) {
        const page = await doc.getPage(pageNumber);
        // Sharp on the screen's physical pixels, capped so a zoomed page stays a few MB of canvas.
        const viewport = page.getViewport({ scale: Math.min(previewRenderScale(cssScale, window.devicePixelRatio), 6) });
        const canvas = document.createElement('canvas');
        canvas.width = Math.ceil(viewport.width);
        canvas.height = Math.ceil(viewport.height);
        await page.render({ canvas, viewport }).promise;
        return canvas.toDataURL('image/png');
      },
      close: () => void doc.destroy(),
    };
  } catch {
    return undefined;
  }
}

/**
 * Opens the chosen OFD in the browser (shared/ofd-view, decision 0200), each page drawn as an SVG
 * image. Undefined when the package cannot be read here (the server decides, and refuses it when it signs).
 */
export async function openOfdPreview(bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  try {
    // Loaded when an OFD is opened, as pdf.js is for a PDF: the first screens never carry it.
    const { openOfdView } = await import(/* webpackChunkName: "ofd-view" */ '@seal/shared/ofd-view');
    return ofdPreview(openOfdView(new Uint8Array(bytes)), (page) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(page.svg())}`);
  } catch {
    return undefined;
  }
}
