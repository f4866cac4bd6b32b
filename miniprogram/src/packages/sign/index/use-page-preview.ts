import { useEffect, useState } from 'react';
import type { DocumentPreview, PageBox } from '../../../components/SealPlacer';

/** The current page's image at the current zoom, when the device can draw the PDF (H5). */
export function usePagePreview(
  preview: DocumentPreview | undefined,
  page: number,
  cssWidth: number,
  box: PageBox | undefined,
): string | undefined {
  const [image, setImage] = useState<{ key: string; url: string }>();
  const key = `${page}@${Math.round(cssWidth)}`;
  useEffect(() => {
    if (!preview || !box) return;
    let current = true;
    preview
      .renderPage(page, cssWidth / (box.x1 - box.x0))
      .then((url) => current && setImage({ key, url }))
      .catch(() => undefined); // no image: the page outline stays, placement works the same
    return () => {
      current = false;
    };
  }, [preview, page, key]);
  // While a new zoom renders, the old image stretched to the new size is better than a blank page.
  return image?.url;
}
