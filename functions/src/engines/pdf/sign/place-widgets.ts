import type { SealDrawing } from '../../appearance/drawing';
import type { PdfDocument } from '../syntax/document';
import { dict, name, PdfRef, type PdfValue } from '../syntax/objects';
import type { IncrementalUpdate } from './incremental-update';
import type { PageInfo } from './page-tree';
import { sealFormXObject, sealSliceXObject } from './seal-appearance';
import type { SealPlacement } from './placement';

interface Args {
  sigRef: PdfRef;
  doc: PdfDocument;
  update: IncrementalUpdate;
  pages: Map<number, PageInfo>;
  fieldRef: PdfRef;
  drawing: SealDrawing;
  placements: SealPlacement[];
  crossPage: boolean;
  total: number;
}

/** Print + Locked: the seal prints and cannot be moved or deleted in a viewer. */
const WIDGET_FLAGS = 4 | 128;

/**
 * Creates one widget per visible seal, all children of the one signature field, and adds
 * each to its page's /Annots. The seal XObject is shared by every widget.
 */
export function placeWidgets(a: Args): PdfRef[] {
  const seal = a.update.add(sealFormXObject(a.drawing));
  const annots = new Map<number, PdfRef[]>();
  const widgets: PdfRef[] = [];
  const addWidget = (pageIndex: number, rect: number[], ap: PdfRef): void => {
    const page = a.pages.get(pageIndex)!;
    const ref = a.update.add(
      // /V on each widget too: poppler reads the value from the widget, not its parent field.
      dict({ Type: name('Annot'), Subtype: name('Widget'), Parent: a.fieldRef, V: a.sigRef, Rect: rect, P: page.ref, F: WIDGET_FLAGS, AP: dict({ N: ap }) }),
    );
    widgets.push(ref);
    annots.set(pageIndex, [...(annots.get(pageIndex) ?? []), ref]);
  };
  for (const p of a.placements) {
    const w = p.width ?? a.drawing.width;
    const h = p.height ?? (p.width ? (p.width * a.drawing.height) / a.drawing.width : a.drawing.height);
    addWidget(p.page - 1, [p.x, p.y, p.x + w, p.y + h], seal);
  }
  if (a.crossPage) {
    // Each page shows its slice of one seal straddling the right edge; slices get narrow on
    // long documents, which is how a paper 骑缝章 looks on a thick stack too.
    const w = a.drawing.width;
    const h = a.drawing.height;
    const slice = w / a.total;
    for (let i = 0; i < a.total; i++) {
      const box = a.pages.get(i)!.mediaBox;
      const y = (box[1] + box[3]) / 2 - h / 2;
      const ap = a.update.add(sealSliceXObject(seal, a.drawing, w, h, i * slice, slice));
      addWidget(i, [box[2] - slice, y, box[2], y + h], ap);
    }
  }
  if (widgets.length === 1) {
    // One widget: merge it with the field, the form every reader understands.
    a.update.set(a.fieldRef, a.update.get(widgets[0]!)!);
    a.update.drop(widgets[0]!);
    annots.set([...annots.keys()][0]!, [a.fieldRef]);
  }
  for (const [pageIndex, refs] of annots) appendAnnots(a.doc, a.update, a.pages.get(pageIndex)!, refs);
  return widgets.length === 1 ? [] : widgets;
}

/** Adds widgets to a page's /Annots, rewriting the array object when it is shared, else the page. */
export function appendAnnots(doc: PdfDocument, update: IncrementalUpdate, page: PageInfo, refs: PdfRef[]): void {
  const current = page.dict.get('Annots');
  if (current instanceof PdfRef) {
    const arr = doc.resolve(current);
    update.set(current, [...(Array.isArray(arr) ? arr : []), ...refs] as PdfValue[]);
    return;
  }
  const existing = Array.isArray(current) ? current : [];
  update.set(page.ref, page.dict.clone().set('Annots', [...existing, ...refs]));
}
