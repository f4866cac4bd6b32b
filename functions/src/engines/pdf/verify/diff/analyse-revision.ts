import type { PdfDocument } from '../../syntax/document';
import { PdfDict, PdfName, PdfRef, PdfStream, sameValue, type PdfValue } from '../../syntax/objects';
import { maxLevel, MODIFICATION_ORDER } from '../policy';
import type { Modification, ModificationCode, ModificationLevel, ObjectKind } from '../report';
import { newObjectsReached, walkRevision } from './graph';
import { isAnnotation, isMetadataStream, isRealInfo, isWidget, kindOf } from './object-kind';

/** What the revisions around one revision tell its analysis. */
export interface RevisionContext {
  /**
   * Signature dictionaries (by object number) whose signed range ends with this revision and whose
   * bytes verify: the fields and widgets of exactly these may be added in it.
   */
  coveringSignatures: ReadonlyMap<number, 'signature' | 'document_timestamp'>;
}

export interface RevisionAnalysis {
  level: ModificationLevel;
  modifications: Modification[];
}

/** Entries a revision may list before the analysis stops reading them one by one. */
const MAX_ENTRIES = 100_000;
const MAX_REPORTED = 100;
const MAX_PARENT_DEPTH = 16;
const STRUCTURE_KEYS = new Set(['Prev', 'XRefStm', 'Size', 'ID', 'Index', 'W', 'Filter', 'DecodeParms', 'Length', 'Type', 'Root', 'Info']);
const DSS_KEYS = new Set(['Type', 'VRI', 'Certs', 'CRLs', 'OCSPs']);
const DSS_ARRAYS = new Set(['Certs', 'CRLs', 'OCSPs']);
const VRI_KEYS = new Set(['Type', 'TU', 'TS', 'Cert', 'CRL', 'OCSP']);
const VRI_ARRAYS = new Set(['Cert', 'CRL', 'OCSP']);
const FIELD_VALUE_KEYS = new Set(['V', 'AS', 'AP']);

interface Approval {
  level: ModificationLevel;
  code: ModificationCode;
  /** True when the rule judged the object on its own content, wherever it is used. */
  blanket: boolean;
  /** Otherwise the uses the rule judged it in (`holder:/path`). */
  cleared: Set<string>;
}

/**
 * Explains every entry of revision `k`'s cross-reference section against revision `k - 1`, as
 * pyHanko's diff analysis does (docs/decisions/0060): whitelisting rules judge objects by what
 * they are and where they are used, never by their number; an old object changed in one role is
 * explained only when every use of it is; a new object in use must be reached through an
 * explained change; an object the older revision pointed at while undefined may not be defined
 * later; anything unexplained is `other`.
 */
export function analyseRevision(doc: PdfDocument, k: number, ctx: RevisionContext): RevisionAnalysis {
  const prev = k - 1;
  const rev = doc.revisions[k]!;
  const mods: Modification[] = [];
  const reported = new Set<number>();
  const add = (level: ModificationLevel, code: ModificationCode, object: number | null, kind: ObjectKind | null): void => {
    if (mods.length >= MAX_REPORTED) return;
    if (mods.some((m) => m.code === code && m.object === object)) return;
    mods.push({ revision: k + 1, level, code, object, kind });
    if (level === 'other' && object !== null) reported.add(object);
  };
  const result = (): RevisionAnalysis => ({ level: mods.reduce<ModificationLevel>((l, m) => maxLevel(l, m.level), 'none'), modifications: mods });

  if (rev.entries.size > MAX_ENTRIES) {
    add('other', 'TOO_COMPLEX', null, null);
    return result();
  }
  const at = (num: number, r: number): PdfValue | undefined => doc.object(num, r);
  const changed = new Set<number>();
  const created = new Set<number>();
  for (const [num, entry] of rev.entries) {
    if (num === 0) continue;
    const existed = doc.defined(num, prev);
    if (entry.kind === 'free') {
      if (existed) add('other', 'OBJECT_DELETED', num, kindOf(at(num, prev)));
      continue;
    }
    if (!existed) created.add(num);
    else if (!sameValue(at(num, prev), at(num, k))) changed.add(num);
  }
  // The revision's own cross-reference stream and new object streams are structure, not content.
  for (const num of created) {
    const kind = kindOf(at(num, k));
    if (num === rev.xrefStream || kind === 'object_stream' || kind === 'xref_stream') created.delete(num);
  }

  const oldTrailer = doc.revisions[prev]!.trailer;
  const root = oldTrailer.get('Root');
  if (!(root instanceof PdfRef) || !sameValue(root, rev.trailer.get('Root'))) {
    add('other', 'CATALOG_REPLACED', refNum(rev.trailer.get('Root')), 'catalog');
    return result();
  }
  const graph = walkRevision(doc, prev, changed);
  if (!graph.complete) {
    add('other', 'TOO_COMPLEX', null, null);
    return result();
  }
  const usagesOf = (num: number): string[] => graph.usages.get(num) ?? [];
  for (const num of created) if (graph.dangling.has(num)) add('other', 'DANGLING_REFERENCE_DEFINED', num, kindOf(at(num, k)));

  const approvals = new Map<number, Approval>();
  const approve = (num: number, level: ModificationLevel, code: ModificationCode, use: string | 'blanket'): void => {
    const a = approvals.get(num) ?? { level, code, blanket: false, cleared: new Set<string>() };
    a.level = maxLevel(a.level, level);
    if (use === 'blanket') a.blanket = true;
    else a.cleared.add(use);
    approvals.set(num, a);
  };
  const explained = new Map<number, ModificationLevel>();
  const explainNew = (nums: Iterable<number>, level: ModificationLevel): void => {
    for (const n of nums) {
      if (!created.has(n)) continue;
      const had = explained.get(n);
      explained.set(n, had === undefined || MODIFICATION_ORDER.indexOf(level) < MODIFICATION_ORDER.indexOf(had) ? level : had);
    }
  };
  const reach = (value: PdfValue | undefined): Set<number> => newObjectsReached(doc, k, value);

  // ---- signatures added in this revision: their fields, widgets and appearances
  const newSigWidgets = new Set<number>();
  const sigLevel = (sig: PdfValue | undefined): ModificationLevel | undefined => {
    const kind = sig instanceof PdfRef ? ctx.coveringSignatures.get(sig.num) : undefined;
    return kind === 'document_timestamp' ? 'ltv_updates' : kind === 'signature' ? 'signatures_only' : undefined;
  };
  const widgetsOf = (fieldNum: number, field: PdfDict): number[] => {
    const kids = doc.resolve(field.get('Kids'), k);
    if (!Array.isArray(kids)) return [fieldNum];
    return kids.filter((kid): kid is PdfRef => kid instanceof PdfRef && doc.dict(kid, k)?.get('T') === undefined).map((kid) => kid.num);
  };
  /** A new field that is a signature covered by a signature of this very revision. */
  const explainNewSignatureField = (ref: PdfRef): boolean => {
    const field = doc.dict(ref, k);
    if (!field || field.name('FT') !== 'Sig') return false;
    const level = sigLevel(field.get('V'));
    if (!level) return false;
    const widgets = widgetsOf(ref.num, field);
    if (widgets.some((w) => w !== ref.num && doc.defined(w, prev))) return false;
    for (const w of widgets) newSigWidgets.add(w);
    explainNew([ref.num, ...reach(field)], level);
    add(level, level === 'ltv_updates' ? 'DOCUMENT_TIMESTAMP_ADDED' : 'SIGNATURE_ADDED', ref.num, 'signature_field');
    return true;
  };

  // ---- the field list
  /** Judges the field list going from `before` to `after`; the level, or undefined when it is not allowed. */
  const judgeFields = (before: PdfValue | undefined, after: PdfValue | undefined): ModificationLevel | undefined => {
    const oldList = doc.resolve(before, prev) ?? [];
    const newList = doc.resolve(after, k) ?? [];
    if (!Array.isArray(oldList) || !Array.isArray(newList)) return undefined;
    const keep = new Set(newList.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => r.num));
    let level: ModificationLevel = 'none';
    let ok = true;
    for (const v of oldList) {
      if (v instanceof PdfRef && !keep.has(v.num)) {
        add('other', 'FIELD_REMOVED', v.num, kindOf(at(v.num, prev)));
        ok = false;
      }
    }
    const had = new Set(oldList.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => r.num));
    for (const v of newList) {
      if (!(v instanceof PdfRef)) {
        if (!oldList.some((o) => sameValue(o, v))) {
          add('other', 'FIELD_ADDED', null, 'field');
          ok = false;
        }
        continue;
      }
      if (had.has(v.num)) continue;
      if (!doc.defined(v.num, prev) && explainNewSignatureField(v)) {
        level = maxLevel(level, sigLevel(doc.dict(v, k)?.get('V')) ?? 'other');
        continue;
      }
      add('other', 'FIELD_ADDED', v.num, kindOf(at(v.num, k)));
      ok = false;
    }
    return ok ? level : undefined;
  };

  /** Judges the AcroForm dictionary going from `before` to `after`. */
  const judgeForm = (before: PdfDict | undefined, after: PdfDict | undefined, formNum: number | null): ModificationLevel | undefined => {
    if (!after) return before ? undefined : 'none';
    const old = before ?? new PdfDict();
    let level: ModificationLevel = 'none';
    for (const key of new Set([...old.map.keys(), ...after.map.keys()])) {
      const a = old.get(key);
      const b = after.get(key);
      if (sameValue(a, b)) continue;
      if (key === 'Fields') {
        const fieldsRef = a instanceof PdfRef && b instanceof PdfRef && a.num === b.num ? undefined : b;
        const judged = judgeFields(a, b);
        if (judged === undefined) return undefined;
        if (fieldsRef instanceof PdfRef) explainNew([fieldsRef.num], judged);
        level = maxLevel(level, judged);
      } else if (key === 'SigFlags') level = maxLevel(level, 'signatures_only');
      else if (key === 'DR' || key === 'DA' || key === 'NeedAppearances') {
        explainNew(reach(b), 'form_filling');
        level = maxLevel(level, 'form_filling');
      } else {
        add('other', 'OBJECT_CHANGED', formNum, 'acroform');
        return undefined;
      }
    }
    return level;
  };

  // ---- the document security store (PAdES validation data)
  const dssParts = new Set<number>();
  /** Checks the DSS shape strictly and explains its new parts; false when it is not a DSS. */
  const judgeDss = (value: PdfValue | undefined): boolean => {
    const partOf = (v: PdfValue | undefined): PdfValue | undefined => {
      if (v instanceof PdfRef) {
        dssParts.add(v.num);
        return at(v.num, k);
      }
      return v;
    };
    const streams = (v: PdfValue | undefined): boolean => {
      const list = partOf(v);
      return Array.isArray(list) && list.every((item) => item instanceof PdfRef && at(item.num, k) instanceof PdfStream && (dssParts.add(item.num), true));
    };
    const dss = partOf(value);
    if (!(dss instanceof PdfDict)) return false;
    for (const [key, v] of dss.map) {
      if (!DSS_KEYS.has(key)) return false;
      if (DSS_ARRAYS.has(key) && !streams(v)) return false;
      if (key === 'VRI') {
        const vri = partOf(v);
        if (!(vri instanceof PdfDict)) return false;
        for (const [hash, entry] of vri.map) {
          const e = partOf(entry);
          if (!/^[0-9A-F]{40}$/.test(hash) || !(e instanceof PdfDict)) return false;
          for (const [ek, ev] of e.map) {
            if (!VRI_KEYS.has(ek)) return false;
            if (VRI_ARRAYS.has(ek) && !streams(ev)) return false;
            if (ek === 'TS' && !(ev instanceof PdfRef && at(ev.num, k) instanceof PdfStream && (dssParts.add(ev.num), true))) return false;
          }
        }
      }
    }
    const parts = new Set<number>();
    for (const n of dssParts) reach(new PdfRef(n, 0)).forEach((x) => parts.add(x));
    explainNew(parts, 'ltv_updates');
    return true;
  };

  // ---- the catalog
  const rootNum = root.num;
  const oldCatalog = doc.dict(root, prev);
  const newCatalog = doc.dict(root, k);
  const oldFormValue = oldCatalog?.get('AcroForm');
  if (changed.has(rootNum)) {
    let level: ModificationLevel | undefined = 'none';
    const before = oldCatalog ?? new PdfDict();
    const after = newCatalog ?? new PdfDict();
    for (const key of new Set([...before.map.keys(), ...after.map.keys()])) {
      const a = before.get(key);
      const b = after.get(key);
      if (sameValue(a, b) || level === undefined) continue;
      if (key === 'AcroForm') {
        const sameObject = a instanceof PdfRef && b instanceof PdfRef && a.num === b.num;
        const judged = sameObject ? 'none' : judgeForm(doc.dict(a, prev), doc.dict(b, k), refNum(b));
        if (judged !== undefined && b instanceof PdfRef && !sameObject) explainNew([b.num], judged);
        level = judged === undefined ? undefined : maxLevel(level, judged);
      } else if (key === 'DSS') {
        if (judgeDss(b)) {
          level = maxLevel(level, 'ltv_updates');
          add('ltv_updates', 'DSS_UPDATED', refNum(b), 'dss');
        } else level = undefined;
      } else if (key === 'Metadata' && b instanceof PdfRef && isMetadataStream(at(b.num, k))) {
        explainNew([b.num], 'ltv_updates');
        level = maxLevel(level, 'ltv_updates');
        add('ltv_updates', 'METADATA_UPDATED', b.num, 'metadata');
      } else if ((key === 'Extensions' && b instanceof PdfDict) || (key === 'Version' && b instanceof PdfName)) {
        explainNew(reach(b), 'ltv_updates');
        level = maxLevel(level, 'ltv_updates');
      } else {
        add('other', key === 'Perms' ? 'CERTIFICATION_ADDED' : 'CATALOG_CHANGED', rootNum, 'catalog');
        level = undefined;
      }
    }
    if (level !== undefined) approve(rootNum, level, 'CATALOG_CHANGED', 'trailer:/Root');
    else reported.add(rootNum);
  }

  // ---- the Info dictionary, judged as one only when it is one
  const oldInfo = oldTrailer.get('Info');
  const newInfo = rev.trailer.get('Info');
  if (oldInfo instanceof PdfRef && changed.has(oldInfo.num) && isRealInfo(at(oldInfo.num, prev)) && isRealInfo(at(oldInfo.num, k))) {
    approve(oldInfo.num, 'ltv_updates', 'INFO_UPDATED', 'trailer:/Info');
    add('ltv_updates', 'INFO_UPDATED', oldInfo.num, 'info');
  }
  if (!sameValue(oldInfo, newInfo)) {
    if (newInfo instanceof PdfRef && created.has(newInfo.num) && !isRealInfo(at(newInfo.num, k))) add('other', 'OBJECT_ADDED', newInfo.num, kindOf(at(newInfo.num, k)));
    else {
      if (newInfo instanceof PdfRef) explainNew([newInfo.num], 'ltv_updates');
      add('ltv_updates', 'INFO_UPDATED', refNum(newInfo), 'info');
    }
  }

  // ---- the AcroForm and its field list as objects of their own
  const formRef = oldFormValue instanceof PdfRef && sameValue(oldFormValue, newCatalog?.get('AcroForm')) ? oldFormValue : undefined;
  if (formRef && changed.has(formRef.num)) {
    const judged = judgeForm(doc.dict(formRef, prev), doc.dict(formRef, k), formRef.num);
    if (judged !== undefined) approve(formRef.num, judged, 'SIGNATURE_ADDED', `${rootNum}:/AcroForm`);
    else reported.add(formRef.num);
  }
  const oldForm = doc.dict(oldFormValue, prev);
  const fieldsValue = oldForm?.get('Fields');
  if (fieldsValue instanceof PdfRef && changed.has(fieldsValue.num)) {
    const judged = judgeFields(fieldsValue, fieldsValue);
    const holder = formRef ? `${formRef.num}:/Fields` : `${rootNum}:/AcroForm/Fields`;
    if (judged !== undefined) approve(fieldsValue.num, judged, 'SIGNATURE_ADDED', holder);
    else reported.add(fieldsValue.num);
  }

  // ---- fields changed in place: an empty signature field signed, other fields filled in
  const fieldTypeAt = (d: PdfDict, r: number): string | undefined => {
    let node: PdfDict | undefined = d;
    for (let i = 0; node && i < MAX_PARENT_DEPTH; i++) {
      const ft = node.name('FT');
      if (ft) return ft;
      node = doc.dict(node.get('Parent'), r);
    }
    return undefined;
  };
  const valueAt = (d: PdfDict, r: number): PdfValue | undefined => {
    let node: PdfDict | undefined = d;
    for (let i = 0; node && i < MAX_PARENT_DEPTH; i++) {
      if (node.get('V') !== undefined) return node.get('V');
      node = doc.dict(node.get('Parent'), r);
    }
    return undefined;
  };
  const onlyKeysChanged = (a: PdfDict, b: PdfDict, allowed: ReadonlySet<string>): boolean => {
    for (const key of new Set([...a.map.keys(), ...b.map.keys()])) if (!allowed.has(key) && !sameValue(a.get(key), b.get(key))) return false;
    return true;
  };
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num)) continue;
    const before = at(num, prev);
    const after = at(num, k);
    if (!(before instanceof PdfDict) || !(after instanceof PdfDict)) continue;
    const isField = before.get('FT') !== undefined || before.get('Parent') !== undefined || before.get('T') !== undefined || isWidget(before);
    if (!isField || isAnnotation(before)) continue;
    const ft = fieldTypeAt(before, prev);
    if (ft === undefined && !isWidget(before)) continue;
    if (ft === 'Sig') {
      const level = valueAt(before, prev) === undefined ? sigLevel(valueAt(after, k)) : undefined;
      if (level && onlyKeysChanged(before, after, FIELD_VALUE_KEYS)) {
        explainNew(reach(after), level);
        for (const w of widgetsOf(num, after)) newSigWidgets.add(w);
        approve(num, level, level === 'ltv_updates' ? 'DOCUMENT_TIMESTAMP_ADDED' : 'SIGNATURE_ADDED', 'blanket');
        add(level, level === 'ltv_updates' ? 'DOCUMENT_TIMESTAMP_ADDED' : 'SIGNATURE_ADDED', num, 'signature_field');
      } else add('other', 'SIGNATURE_CHANGED', num, 'signature_field');
    } else if (onlyKeysChanged(before, after, FIELD_VALUE_KEYS)) {
      explainNew(reach(after), 'form_filling');
      approve(num, 'form_filling', 'FORM_FIELD_FILLED', 'blanket');
      add('form_filling', 'FORM_FIELD_FILLED', num, isWidget(before) ? 'widget' : 'field');
    }
  }

  // ---- annotations changed in place, and page annotation lists
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num)) continue;
    const before = at(num, prev);
    const after = at(num, k);
    if (isAnnotation(before) && isAnnotation(after) && (before as PdfDict).name('Subtype') === (after as PdfDict).name('Subtype')) {
      explainNew(reach(after), 'annotations');
      approve(num, 'annotations', 'ANNOTATION_CHANGED', 'blanket');
      add('annotations', 'ANNOTATION_CHANGED', num, 'annotation');
    }
  }
  /** Judges a page's annotation list going from `before` to `after`. */
  const judgeAnnots = (before: PdfValue | undefined, after: PdfValue | undefined): ModificationLevel | undefined => {
    const oldList = doc.resolve(before, prev) ?? [];
    const newList = doc.resolve(after, k) ?? [];
    if (!Array.isArray(oldList) || !Array.isArray(newList)) return undefined;
    const had = new Set(oldList.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => r.num));
    const has = new Set(newList.filter((v): v is PdfRef => v instanceof PdfRef).map((r) => r.num));
    let level: ModificationLevel | undefined = 'none';
    for (const num of had) {
      if (has.has(num)) continue;
      if (isAnnotation(at(num, prev))) {
        level = maxLevel(level ?? 'none', 'annotations');
        add('annotations', 'ANNOTATION_REMOVED', num, 'annotation');
      } else {
        add('other', 'FIELD_REMOVED', num, kindOf(at(num, prev)));
        level = undefined;
      }
    }
    for (const v of newList) {
      if (!(v instanceof PdfRef)) {
        add('other', 'OBJECT_ADDED', null, 'annotation');
        level = undefined;
        continue;
      }
      if (had.has(v.num)) continue;
      const value = at(v.num, k);
      if (newSigWidgets.has(v.num)) continue;
      if (created.has(v.num) && isAnnotation(value)) {
        explainNew([v.num, ...reach(value)], 'annotations');
        add('annotations', 'ANNOTATION_ADDED', v.num, 'annotation');
        if (level !== undefined) level = maxLevel(level, 'annotations');
      } else {
        add('other', isWidget(value) ? 'WIDGET_ADDED' : 'OBJECT_ADDED', v.num, kindOf(value));
        level = undefined;
      }
    }
    return level;
  };
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num)) continue;
    const before = at(num, prev);
    const after = at(num, k);
    if (kindOf(before) === 'page' && after instanceof PdfDict && onlyKeysChanged(before as PdfDict, after, new Set(['Annots']))) {
      const a = (before as PdfDict).get('Annots');
      const b = after.get('Annots');
      const judged = judgeAnnots(a, b);
      if (judged === undefined) {
        reported.add(num);
        continue;
      }
      if (b instanceof PdfRef && !(a instanceof PdfRef && a.num === b.num)) explainNew([b.num], judged);
      approve(num, judged, 'ANNOTATION_ADDED', 'blanket');
    }
  }
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num)) continue;
    const uses = usagesOf(num).filter((u) => u.endsWith(':/Annots'));
    if (uses.length === 0 || !Array.isArray(at(num, prev))) continue;
    const judged = judgeAnnots(new PdfRef(num, 0), new PdfRef(num, 0));
    if (judged === undefined) {
      reported.add(num);
      continue;
    }
    for (const u of uses) approve(num, judged, 'ANNOTATION_ADDED', u);
  }

  // ---- appearance streams and dictionaries, judged by whose appearance they are
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num)) continue;
    const uses = usagesOf(num).filter((u) => u.includes(':/AP'));
    if (uses.length === 0) continue;
    for (const use of uses) {
      const holder = at(Number(use.slice(0, use.indexOf(':'))), prev);
      if (!(holder instanceof PdfDict)) continue;
      const level: ModificationLevel | undefined = isAnnotation(holder)
        ? 'annotations'
        : isWidget(holder) && fieldTypeAt(holder, prev) !== 'Sig'
          ? 'form_filling'
          : undefined;
      if (!level) {
        add('other', 'SIGNATURE_CHANGED', num, 'form_xobject');
        break;
      }
      explainNew(reach(at(num, k)), level);
      approve(num, level, level === 'annotations' ? 'ANNOTATION_CHANGED' : 'FORM_FIELD_FILLED', use);
    }
  }

  // ---- the DSS and the metadata stream as objects of their own
  if (!changed.has(rootNum) || sameValue(oldCatalog?.get('DSS'), newCatalog?.get('DSS'))) {
    const dssValue = newCatalog?.get('DSS');
    if (dssValue !== undefined && [...changed].some((n) => !approvals.has(n) && usagesOf(n).some((u) => u.includes('/DSS') || u.startsWith(`${refNum(dssValue)}:`)))) {
      if (judgeDss(dssValue)) add('ltv_updates', 'DSS_UPDATED', refNum(dssValue), 'dss');
    }
  }
  for (const num of changed) {
    if (approvals.has(num) || reported.has(num) || !dssParts.has(num)) continue;
    for (const use of usagesOf(num)) {
      const holder = use.slice(0, use.indexOf(':'));
      if ((holder === String(rootNum) && use.includes(':/DSS')) || dssParts.has(Number(holder))) approve(num, 'ltv_updates', 'DSS_UPDATED', use);
    }
  }
  const metadata = oldCatalog?.get('Metadata');
  if (metadata instanceof PdfRef && changed.has(metadata.num) && isMetadataStream(at(metadata.num, prev)) && isMetadataStream(at(metadata.num, k))) {
    approve(metadata.num, 'ltv_updates', 'METADATA_UPDATED', `${rootNum}:/Metadata`);
    add('ltv_updates', 'METADATA_UPDATED', metadata.num, 'metadata');
  }

  // ---- every changed object explained in every use, or other
  for (const num of changed) {
    if (reported.has(num)) continue;
    const a = approvals.get(num);
    const uses = usagesOf(num);
    const open = a && !a.blanket ? uses.filter((u) => !a.cleared.has(u)) : [];
    if (a && (a.blanket || open.length === 0)) continue;
    add('other', a ? 'OBJECT_ALIASED' : 'OBJECT_CHANGED', num, kindOf(at(num, prev), a ? open : uses));
  }

  // ---- every new object in use explained by a rule; unused ones are harmless
  const inUse = new Set<number>();
  for (const [key, value] of rev.trailer.map) if (!STRUCTURE_KEYS.has(key) || key === 'Root' || key === 'Info') newObjectsReached(doc, k, value, inUse);
  for (const num of changed) newObjectsReached(doc, k, at(num, k), inUse);
  let unused = false;
  for (const num of created) {
    if (explained.has(num) || graph.dangling.has(num)) continue;
    if (inUse.has(num)) add('other', 'OBJECT_ADDED', num, kindOf(at(num, k)));
    else unused = true;
  }
  if (unused) add('ltv_updates', 'UNUSED_OBJECT_ADDED', null, null);
  return result();
}

const refNum = (v: PdfValue | undefined): number | null => (v instanceof PdfRef ? v.num : null);
