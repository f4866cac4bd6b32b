import * as pdfjs from 'pdfjs-dist';
// Vite bundles the worker as an asset of the site: no CDN.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;

/** Opens a PDF in the browser; a copy of the bytes is given to pdf.js (it takes ownership). */
export async function openPdf(bytes: ArrayBuffer): Promise<PdfDocument> {
  return pdfjs.getDocument({ data: new Uint8Array(bytes.slice(0)), isEvalSupported: false }).promise;
}

export async function renderPage(page: PdfPage, canvas: HTMLCanvasElement, zoom: number): Promise<void> {
  const ratio = window.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: zoom * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
  await page.render({ canvas, viewport }).promise;
}
