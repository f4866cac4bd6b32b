import type { DocumentPreview } from './page-preview-types';

export type { DocumentPreview } from './page-preview-types';

/**
 * WeChat has no PDF renderer a mini-program can draw into: pages are shown as outlines sized from
 * the API (decision 0020), so there is nothing to open on the phone.
 */
export async function openDocumentPreview(_bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  return undefined;
}

/** OFD pages are outlines on weapp too: the SVG renderer is built and tested for the browser (H5) only. */
export async function openOfdPreview(_bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  return undefined;
}
