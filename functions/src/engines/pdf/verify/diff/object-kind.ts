import { PdfDict, PdfName, PdfRef, PdfStream, PdfString, type PdfValue } from '../../syntax/objects';
import type { ObjectKind } from '../report';

/** Annotation subtypes of ISO 32000-2 §12.5.6 (a Widget belongs to a field, the others are annotations). */
const ANNOTATION_SUBTYPES = new Set([
  'Text', 'Link', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly',
  'StrikeOut', 'Caret', 'Stamp', 'Ink', 'Popup', 'FileAttachment', 'Sound', 'Movie', 'Screen', 'PrinterMark', 'TrapNet',
  'Watermark', '3D', 'Redact', 'Projection', 'RichMedia',
]);

const dictOf = (v: PdfValue | undefined): PdfDict | undefined => (v instanceof PdfDict ? v : v instanceof PdfStream ? v.dict : undefined);

export const isWidget = (v: PdfValue | undefined): boolean => dictOf(v)?.name('Subtype') === 'Widget';

/** An annotation that is not a widget (widgets are judged with their fields). */
export function isAnnotation(v: PdfValue | undefined): boolean {
  const d = v instanceof PdfDict ? v : undefined;
  if (!d) return false;
  const subtype = d.name('Subtype');
  return subtype !== undefined && subtype !== 'Widget' && (ANNOTATION_SUBTYPES.has(subtype) || (d.name('Type') === 'Annot' && d.get('Rect') !== undefined));
}

export const isSignatureDictionary = (v: PdfValue | undefined): boolean => {
  const d = v instanceof PdfDict ? v : undefined;
  return !!d && (d.name('Type') === 'Sig' || d.name('Type') === 'DocTimeStamp' || (d.get('ByteRange') !== undefined && d.get('Contents') !== undefined));
};

/**
 * The Info dictionary as PDF defines it: text strings, dates and names, nothing else. Anything else
 * at /Info (a stream, a dictionary with references, arrays or dictionaries inside) is not one, so
 * changing it is judged as what it really is.
 */
export function isRealInfo(v: PdfValue | undefined): boolean {
  if (!(v instanceof PdfDict)) return false;
  for (const value of v.map.values()) {
    if (!(value instanceof PdfString || value instanceof PdfName || typeof value === 'number' || typeof value === 'boolean' || value === null)) return false;
  }
  return true;
}

export const isMetadataStream = (v: PdfValue | undefined): boolean =>
  v instanceof PdfStream && v.dict.name('Type') === 'Metadata' && v.dict.name('Subtype') === 'XML' && [...v.dict.map.values()].every((x) => !(x instanceof PdfRef));

/**
 * What an object is, from its own content and, for bare streams, from where it is used (a stream
 * with no type used as a page's /Contents is a content stream). Never from its number.
 */
export function kindOf(v: PdfValue | undefined, usedAs: readonly string[] = []): ObjectKind {
  if (v instanceof PdfStream) {
    const type = v.dict.name('Type');
    const subtype = v.dict.name('Subtype');
    if (type === 'XRef') return 'xref_stream';
    if (type === 'ObjStm') return 'object_stream';
    if (type === 'Metadata') return 'metadata';
    if (subtype === 'Image') return 'image';
    if (subtype === 'Form' || type === 'XObject') return 'form_xobject';
    if (v.dict.get('Length1') !== undefined || subtype === 'Type1C' || subtype === 'CIDFontType0C' || subtype === 'OpenType') return 'font';
    if (usedAs.some((p) => p.endsWith('/Contents') || p.endsWith('/Contents/[]'))) return 'content_stream';
    if (usedAs.some((p) => p.includes('/AP/'))) return 'form_xobject';
    return 'content_stream';
  }
  if (Array.isArray(v)) {
    if (usedAs.some((p) => p.endsWith('/Annots'))) return 'annotation_list';
    if (usedAs.some((p) => p.endsWith('/Fields'))) return 'field_list';
    if (usedAs.some((p) => p.endsWith('/Contents'))) return 'content_stream';
    return 'other';
  }
  if (!(v instanceof PdfDict)) return 'other';
  const type = v.name('Type');
  if (type === 'Catalog') return 'catalog';
  if (type === 'Pages') return 'pages';
  if (type === 'Page') return 'page';
  if (type === 'Font' || type === 'FontDescriptor') return 'font';
  if (type === 'DocTimeStamp') return 'document_timestamp';
  if (isSignatureDictionary(v)) return 'signature';
  if (isWidget(v)) return v.name('FT') === 'Sig' ? 'signature_field' : 'widget';
  if (isAnnotation(v)) return 'annotation';
  if (v.get('FT') !== undefined || (v.get('T') !== undefined && (v.get('Kids') !== undefined || v.get('Parent') !== undefined))) return v.name('FT') === 'Sig' ? 'signature_field' : 'field';
  if (v.get('Fields') !== undefined) return 'acroform';
  if (v.get('VRI') !== undefined || v.get('Certs') !== undefined || v.get('OCSPs') !== undefined || v.get('CRLs') !== undefined) return 'dss';
  if (usedAs.some((p) => p.endsWith('/Resources'))) return 'resources';
  if (usedAs.includes('trailer:/Info') && isRealInfo(v)) return 'info';
  return 'other';
}
