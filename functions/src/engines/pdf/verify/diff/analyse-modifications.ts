import type { PdfDocument } from '../../syntax/document';
import { maxLevel } from '../policy';
import type { Modification, ModificationLevel } from '../report';
import { analyseRevision, type RevisionAnalysis, type RevisionContext } from './analyse-revision';

export interface ModificationAnalysis {
  level: ModificationLevel;
  modifications: Modification[];
}

/** Each revision is analysed once per verification, however many signatures come before it. */
export class RevisionAnalyses {
  private readonly done = new Map<number, RevisionAnalysis>();
  constructor(
    private readonly doc: PdfDocument,
    private readonly contextOf: (revision: number) => RevisionContext,
  ) {}

  of(revision: number): RevisionAnalysis {
    let a = this.done.get(revision);
    if (!a) {
      a = analyseRevision(this.doc, revision, this.contextOf(revision));
      this.done.set(revision, a);
    }
    return a;
  }
}

/**
 * What changed after the revision a signature covers, revision by revision (pyHanko reviews each
 * update on its own: an intermediate change may no longer be visible in the newest one), plus bytes
 * appended after the last %%EOF, which no revision accounts for.
 */
export function analyseModifications(doc: PdfDocument, signed: number | null, analyses: RevisionAnalyses): ModificationAnalysis {
  const last = doc.revisions.length - 1;
  const modifications: Modification[] = [];
  let level: ModificationLevel = 'none';
  const tail = doc.bytes.subarray(doc.last.end);
  if (tail.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x00 && b !== 0x09 && b !== 0x0c)) {
    level = 'other';
    modifications.push({ revision: last + 2, level: 'other', code: 'BYTES_AFTER_LAST_REVISION', object: null, kind: null });
  }
  if (signed === null) {
    modifications.push({ revision: last + 1, level: 'other', code: 'REVISIONS_UNREADABLE', object: null, kind: null });
    return { level: 'other', modifications };
  }
  for (let r = signed + 1; r <= last; r++) {
    const a = analyses.of(r);
    level = maxLevel(level, a.level);
    modifications.push(...a.modifications);
  }
  return { level, modifications };
}
