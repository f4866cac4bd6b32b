import type { PdfDocument } from '../syntax/document';
import { PdfDict, PdfName, PdfRef, PdfStream, sameValue, type PdfValue } from '../syntax/objects';
import { maxLevel } from './policy';
import type { ModificationLevel } from './report';

export interface ModificationAnalysis {
  level: ModificationLevel;
  modifications: string[];
}

/** Bound on how many changed objects are looked at one by one; beyond it, the change is "other". */
const MAX_CHANGED = 20_000;

/**
 * What the revisions after `signed` changed, object by object (pyHanko's diff analysis in
 * small): new signature fields and their widgets, the AcroForm field list, page /Annots
 * gaining those widgets, DSS and document-info updates are "signatures only"; anything else
 * that touches an object of the signed revision (page content, resources, annotations,
 * form fields, the catalog, the signature itself) is "other", as are freed objects and
 * bytes appended after the last revision.
 */
export function analyseModifications(doc: PdfDocument, signed: number): ModificationAnalysis {
  const last = doc.revisions.length - 1;
  let level: ModificationLevel = 'none';
  const notes: string[] = [];
  const other = (note: string): void => {
    level = 'other';
    if (!notes.includes(note)) notes.push(note);
  };
  const sigOnly = (note: string): void => {
    level = maxLevel(level, 'signatures_only');
    if (!notes.includes(note)) notes.push(note);
  };
  const tail = doc.bytes.subarray(doc.last.end);
  if (tail.some((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x00 && b !== 0x09)) other('文件末尾附加了未登记的内容');
  if (signed === last) return { level, modifications: notes };

  const changed = new Set<number>();
  for (let r = signed + 1; r <= last; r++) for (const n of doc.revisions[r]!.entries.keys()) changed.add(n);
  if (changed.size > MAX_CHANGED) {
    other('后续修订改动的对象过多');
    return { level, modifications: notes };
  }
  const oldTrailer = doc.revisions[signed]!.trailer;
  if (!sameValue(oldTrailer.get('Root'), doc.trailer.get('Root'))) other('文档目录被替换');
  const rootNum = refNum(oldTrailer.get('Root'));
  const infoNum = refNum(oldTrailer.get('Info'));
  const newSigWidgets = (refs: PdfValue[]): boolean => refs.every((r) => r instanceof PdfRef && isSignedSignatureWidget(doc, r, signed));

  for (const num of changed) {
    const before = doc.object(num, signed);
    const after = doc.object(num, last);
    if (before === undefined && after === undefined) continue;
    if (before === undefined) continue; // new objects matter only through the existing objects that point at them
    if (after === undefined) {
      other(`对象 ${num} 在签章后被删除`);
      continue;
    }
    if (sameValue(before, after)) continue;
    if (num === rootNum) {
      const ok = dictChangesOnly(before, after, ['AcroForm', 'DSS']) && acroFormGrowsBySignatures(doc, before, after, signed, newSigWidgets);
      if (ok) sigOnly('新增签章域');
      else other('文档目录被修改');
    } else if (num === infoNum) sigOnly('文档信息（元数据）被更新');
    else if (isPage(before)) {
      const ok = dictChangesOnly(before, after, ['Annots']) && arrayGrowsBy(doc, (before as PdfDict).get('Annots'), (after as PdfDict).get('Annots'), signed, newSigWidgets);
      if (ok) sigOnly('页面新增签章外观');
      else other(`页面对象 ${num} 被修改（内容、资源或注释）`);
    } else if (Array.isArray(before) && Array.isArray(after) && isPrefix(before, after) && newSigWidgets(after.slice(before.length))) {
      sigOnly('注释或表单域列表新增签章');
    } else if (isAcroForm(doc, num, signed) && dictChangesOnly(before, after, ['Fields', 'SigFlags']) && acroFormGrowsBySignatures(doc, wrapForm(before), wrapForm(after), signed, newSigWidgets)) {
      sigOnly('新增签章域');
    } else other(`${describe(before)} ${num} 在签章后被修改`);
  }
  return { level, modifications: notes };
}

const refNum = (v: PdfValue | undefined): number | undefined => (v instanceof PdfRef ? v.num : undefined);
const isPage = (v: PdfValue): boolean => v instanceof PdfDict && v.name('Type') === 'Page';
const wrapForm = (v: PdfValue): PdfDict => new PdfDict(new Map([['AcroForm', v]]));
const isPrefix = (a: PdfValue[], b: PdfValue[]): boolean => a.length <= b.length && a.every((v, i) => sameValue(v, b[i]));

function isAcroForm(doc: PdfDocument, num: number, signed: number): boolean {
  const form = doc.dict(doc.revisions[signed]!.trailer.get('Root'), signed)?.get('AcroForm');
  return form instanceof PdfRef && form.num === num;
}

function dictChangesOnly(before: PdfValue, after: PdfValue, allowed: string[]): boolean {
  if (!(before instanceof PdfDict) || !(after instanceof PdfDict)) return false;
  const keys = new Set([...before.map.keys(), ...after.map.keys()]);
  for (const k of keys) if (!allowed.includes(k) && !sameValue(before.get(k), after.get(k))) return false;
  return true;
}

/** The field list may only gain entries, each a signed signature field. */
function acroFormGrowsBySignatures(doc: PdfDocument, beforeCat: PdfValue, afterCat: PdfValue, signed: number, ok: (refs: PdfValue[]) => boolean): boolean {
  const bForm = doc.dict((beforeCat as PdfDict).get('AcroForm'), signed);
  const aForm = doc.dict((afterCat as PdfDict).get('AcroForm'));
  if (!aForm) return !bForm;
  if (bForm && !dictChangesOnly(bForm, aForm, ['Fields', 'SigFlags'])) return false;
  return arrayGrowsBy(doc, bForm?.get('Fields'), aForm.get('Fields'), signed, ok);
}

function arrayGrowsBy(doc: PdfDocument, before: PdfValue | undefined, after: PdfValue | undefined, signed: number, ok: (refs: PdfValue[]) => boolean): boolean {
  const b = before === undefined ? [] : doc.resolve(before, signed);
  const a = after === undefined ? [] : doc.resolve(after);
  if (!Array.isArray(b) || !Array.isArray(a)) return false;
  return isPrefix(b, a) && ok(a.slice(b.length));
}

/**
 * A widget added after signing is acceptable only as part of a signature: a new object whose
 * field is a signature field carrying a value. An unsigned field with an appearance could
 * paint over the signed content (the "evil annotation" / "sneaky signature" attacks).
 */
function isSignedSignatureWidget(doc: PdfDocument, ref: PdfRef, signed: number): boolean {
  if (doc.object(ref.num, signed) !== undefined) return false;
  const w = doc.dict(ref);
  if (!w) return false;
  let field: PdfDict | undefined = w;
  for (let i = 0; i < 8 && field && field.name('FT') === undefined; i++) field = doc.dict(field.get('Parent'));
  if (!field || field.name('FT') !== 'Sig') return false;
  const v = doc.dict(field.get('V'));
  return !!v && (w.get('Subtype') === undefined || (w.get('Subtype') instanceof PdfName && w.name('Subtype') === 'Widget'));
}

function describe(v: PdfValue): string {
  if (v instanceof PdfStream) return v.dict.name('Subtype') === 'Image' ? '图像' : v.dict.name('Subtype') === 'Form' ? '表单外观' : '内容流';
  if (v instanceof PdfDict) {
    const t = v.name('Type') ?? v.name('Subtype') ?? (v.get('FT') ? 'Field' : undefined);
    if (t === 'Annot' || v.get('Rect')) return '注释';
    if (t === 'Field') return '表单域';
    if (t === 'Sig') return '签名字典';
    if (t === 'Font') return '字体';
    if (t === 'Pages') return '页面树';
  }
  return '对象';
}
