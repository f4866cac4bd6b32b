import type { OfdFiles } from './container';
import { OfdError } from './errors';
import { resolveLoc } from './paths';
import { attribute, child, children, parseXml, text, type XmlNode } from './xml';

/** One document of the package (a DocBody of OFD.xml), as far as signing and verifying need it. */
export interface OfdDocument {
  /** Path of the document root (Document.xml). */
  documentPath: string;
  /** Path of the signature list (Signatures.xml), when the DocBody names one. */
  signaturesPath?: string;
  pages: OfdPage[];
}

export interface OfdPage {
  /** The page's ID in Document.xml: what a stamp annotation's PageRef names. */
  id: string;
  /** Path of the page's Content.xml. */
  path: string;
  /** Physical box in millimetres: the page's own Area, else the document's PageArea. */
  box: Box;
}

/** x, y, width, height in millimetres (OFD's unit), origin at the page's top-left. */
export type Box = [number, number, number, number];

export const OFD_ENTRY = 'OFD.xml';

export function requireFile(files: OfdFiles, path: string, what: string): Uint8Array {
  const content = files.get(path);
  if (!content) throw new OfdError('OFD_MISSING_PART', `${what} ${path} is not in the package`);
  return content;
}

/** Every DocBody of OFD.xml, with its pages. */
export function readDocuments(files: OfdFiles): OfdDocument[] {
  const ofd = parseXml(requireFile(files, OFD_ENTRY, 'the entry file'), OFD_ENTRY);
  const root = child(ofd, 'OFD');
  const bodies = children(root, 'DocBody');
  if (bodies.length === 0) throw new OfdError('OFD_MISSING_PART', 'OFD.xml has no DocBody');
  return bodies.map((body) => {
    const docRoot = text(child(body, 'DocRoot'));
    if (!docRoot) throw new OfdError('OFD_MISSING_PART', 'a DocBody has no DocRoot');
    const documentPath = resolveLoc(OFD_ENTRY, docRoot);
    const signatures = text(child(body, 'Signatures'));
    return {
      documentPath,
      ...(signatures ? { signaturesPath: resolveLoc(OFD_ENTRY, signatures) } : {}),
      pages: readPages(files, documentPath),
    };
  });
}

function readPages(files: OfdFiles, documentPath: string): OfdPage[] {
  const document = child(parseXml(requireFile(files, documentPath, 'the document root'), documentPath), 'Document');
  const defaultBox = parseBox(text(child(child(child(document, 'CommonData'), 'PageArea'), 'PhysicalBox'))) ?? [0, 0, 210, 297];
  return children(child(document, 'Pages'), 'Page').map((page) => {
    const id = attribute(page, 'ID');
    const baseLoc = attribute(page, 'BaseLoc');
    if (!id || !baseLoc) throw new OfdError('OFD_MISSING_PART', `a page in ${documentPath} has no ID or BaseLoc`);
    const path = resolveLoc(documentPath, baseLoc);
    return { id, path, box: pageBox(files, path) ?? defaultBox };
  });
}

/** A page's own PhysicalBox, read only when its content is present and says so. */
function pageBox(files: OfdFiles, path: string): Box | undefined {
  const content = files.get(path);
  if (!content) return undefined;
  const page: XmlNode | undefined = child(parseXml(content, path), 'Page');
  return parseBox(text(child(child(page, 'Area'), 'PhysicalBox')));
}

export function parseBox(value: string | undefined): Box | undefined {
  if (!value) return undefined;
  const numbers = value.trim().split(/\s+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  return numbers as Box;
}
