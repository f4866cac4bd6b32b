import { PdfInputError, unreadable } from '../errors';
import type { PdfDocument } from '../syntax/document';
import { PdfDict, PdfRef } from '../syntax/objects';

export interface PageInfo {
  ref: PdfRef;
  dict: PdfDict;
  /** [llx, lly, urx, ury], inherited through the tree if needed. */
  mediaBox: [number, number, number, number];
}

const MAX_DEPTH = 64;

/** The page count, read from the root of the page tree (no page is parsed). */
export function pageCount(doc: PdfDocument): number {
  const count = pagesRoot(doc).get('Count');
  if (typeof count !== 'number' || count < 0) throw unreadable('bad page count');
  return count;
}

/**
 * Finds pages by index (0-based) walking only the branches that hold them, using /Count to
 * skip whole subtrees: signing page 1 of a 500-page file reads a handful of objects.
 */
export function findPages(doc: PdfDocument, indexes: number[]): Map<number, PageInfo> {
  const wanted = [...new Set(indexes)].sort((a, b) => a - b);
  const found = new Map<number, PageInfo>();
  const total = pageCount(doc);
  for (const i of wanted) if (!(Number.isInteger(i) && i >= 0 && i < total)) throw new PdfInputError('PDF_PAGE_NOT_FOUND', `第 ${i + 1} 页`);
  const root = doc.trailer.get('Root');
  const rootPages = doc.dict(root)?.get('Pages');
  if (!(rootPages instanceof PdfRef)) throw unreadable('no page tree');
  const visit = (ref: PdfRef, first: number, inherited: PageInfo['mediaBox'] | undefined, depth: number): void => {
    if (depth > MAX_DEPTH) throw unreadable('page tree too deep');
    const node = doc.dict(ref);
    if (!node) throw unreadable('missing page tree node');
    const box = readBox(doc, node.get('MediaBox')) ?? inherited;
    if (node.name('Type') === 'Page' || !Array.isArray(doc.resolve(node.get('Kids')))) {
      if (wanted.includes(first)) found.set(first, { ref, dict: node, mediaBox: box ?? [0, 0, 595.28, 841.89] });
      return;
    }
    let at = first;
    const last = wanted[wanted.length - 1]!;
    for (const kid of doc.resolve(node.get('Kids')) as unknown[]) {
      if (at > last) break; // nothing wanted further right: leave those pages unread
      if (!(kid instanceof PdfRef)) continue;
      const kidDict = doc.dict(kid);
      const count = kidDict?.name('Type') === 'Pages' ? Number(kidDict.get('Count') ?? 0) : 1;
      if (wanted.some((w) => w >= at && w < at + count)) visit(kid, at, box, depth + 1);
      at += count;
    }
  };
  visit(rootPages, 0, undefined, 0);
  for (const i of wanted) if (!found.has(i)) throw new PdfInputError('PDF_PAGE_NOT_FOUND', `第 ${i + 1} 页`);
  return found;
}

function pagesRoot(doc: PdfDocument): PdfDict {
  const pages = doc.dict(doc.dict(doc.trailer.get('Root'))?.get('Pages'));
  if (!pages) throw unreadable('no page tree');
  return pages;
}

function readBox(doc: PdfDocument, v: unknown): PageInfo['mediaBox'] | undefined {
  const arr = doc.resolve(v as never);
  if (!Array.isArray(arr) || arr.length !== 4) return undefined;
  const nums = arr.map((x) => doc.resolve(x));
  return nums.every((x) => typeof x === 'number') ? (nums as PageInfo['mediaBox']) : undefined;
}
