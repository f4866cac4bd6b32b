import { openOfdView, svgImageUrl } from '@seal/shared/ofd-view';
import type { DocumentPreview } from './page-preview-types';
import { ofdPreview } from './ofd-pages';

export type { DocumentPreview } from './page-preview-types';

/**
 * WeChat has no PDF renderer a mini-program can draw into: pages are shown as outlines sized from
 * the API (decision 0020), so there is nothing to open on the phone.
 */
export async function openDocumentPreview(_bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  return undefined;
}

/**
 * WeChat passes an <image>'s src from the logic layer to the view through setData, which refuses
 * over 1 MB: a page whose picture is larger (big images in it) keeps its outline.
 */
export const WEAPP_MAX_PAGE_URL = 900 * 1024;

/**
 * OFD pages on weapp: the same SVG as on H5 (shared/ofd-view runs without TextDecoder and btoa,
 * decision 0240), as a base64 data URL for <image>. Imported statically: a mini-program loads no
 * code at run time, and only the 文件签章 subpackage imports this. Undefined when the package
 * cannot be read here (outlines stay; the server decides when it signs).
 */
export async function openOfdPreview(bytes: ArrayBuffer): Promise<DocumentPreview | undefined> {
  try {
    return ofdPreview(openOfdView(new Uint8Array(bytes)), (page) => {
      // Without the embedded fonts (decision 0242): a font alone would take the URL past setData's limit.
      const url = svgImageUrl(page.svg({ embeddedFonts: false }));
      if (url.length > WEAPP_MAX_PAGE_URL) throw new Error('the page picture is too large for setData');
      return url;
    });
  } catch {
    return undefined;
  }
}
