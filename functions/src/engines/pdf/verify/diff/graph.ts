import type { PdfDocument } from '../../syntax/document';
import { PdfDict, PdfRef, PdfStream, type PdfValue } from '../../syntax/objects';

/** How a revision's objects point at each other, as far as one diff needs it. */
export interface RevisionGraph {
  /** For each object asked about: every place it is used, as `holder:/path` (holder: an object number or `trailer`; `[]` for any array slot). */
  usages: Map<number, string[]>;
  /** Numbers the revision refers to that it does not define (a later revision must not define them). */
  dangling: Set<number>;
  /** False when the object budget ran out before the walk finished. */
  complete: boolean;
}

/** Trailer keys that are not part of the document's content. */
const TRAILER_STRUCTURE = new Set(['Prev', 'XRefStm', 'Size', 'ID', 'Index', 'W', 'Filter', 'DecodeParms', 'Length', 'Type']);

/**
 * Walks every object reachable from a revision's trailer, as that revision saw it. pyHanko reads
 * usages the same way to make sure an object changed in one role (the Info dictionary) is not also
 * used in another (a page's content): such an object is explained only when every use is.
 */
export function walkRevision(doc: PdfDocument, revision: number, interest: ReadonlySet<number>): RevisionGraph {
  const usages = new Map<number, string[]>();
  const dangling = new Set<number>();
  const visited = new Set<number>();
  const queue: number[] = [];
  let complete = true;

  const visitRef = (ref: PdfRef, holder: string, path: string): void => {
    if (interest.has(ref.num)) {
      const list = usages.get(ref.num) ?? [];
      if (list.length < 64) list.push(`${holder}:${path}`);
      usages.set(ref.num, list);
    }
    if (visited.has(ref.num)) return;
    visited.add(ref.num);
    if (!doc.defined(ref.num, revision)) dangling.add(ref.num);
    else queue.push(ref.num);
  };
  const visitValue = (value: PdfValue | undefined, holder: string, path: string): void => {
    if (value instanceof PdfRef) visitRef(value, holder, path);
    else if (Array.isArray(value)) for (const item of value) visitValue(item, holder, `${path}/[]`);
    else if (value instanceof PdfDict) for (const [k, v] of value.map) visitValue(v, holder, `${path}/${k}`);
    else if (value instanceof PdfStream) visitValue(value.dict, holder, path);
  };

  const trailer = doc.revisions[revision]!.trailer;
  for (const [k, v] of trailer.map) if (!TRAILER_STRUCTURE.has(k)) visitValue(v, 'trailer', `/${k}`);
  while (queue.length > 0) {
    if (!doc.budget.visit()) {
      complete = false;
      break;
    }
    const num = queue.pop()!;
    visitValue(doc.object(num, revision), String(num), '');
  }
  return { usages, dangling, complete };
}

/**
 * The objects new in `revision` that `value` reaches, following new objects only (old ones were
 * judged when they were signed). What a rule explains when it accepts `value`.
 */
export function newObjectsReached(doc: PdfDocument, revision: number, value: PdfValue | undefined, into: Set<number> = new Set()): Set<number> {
  const isNew = (num: number): boolean => doc.defined(num, revision) && !doc.defined(num, revision - 1);
  const stack: PdfValue[] = [value ?? null];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v instanceof PdfRef) {
      if (into.has(v.num) || !isNew(v.num) || !doc.budget.visit()) continue;
      into.add(v.num);
      stack.push(doc.object(v.num, revision) ?? null);
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v instanceof PdfDict) stack.push(...v.map.values());
    else if (v instanceof PdfStream) stack.push(...v.dict.map.values());
  }
  return into;
}
