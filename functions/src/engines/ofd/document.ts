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
  /** The document's PageArea PhysicalBox (mm), for pages that do not set their own. */
  defaultPageBox: Box;
}

export interface OfdPage {
  /** The page's ID in Document.xml: what a stamp annotation's PageRef names. */
  id: string;
  /** Path of the page's Content.xml. */
  path: string;
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
      ...readPages(files, documentPath),
    };
  });
}

/** Page list only: page contents are not parsed (verification never needs them; its cost stays per signature). */
function readPages(files: OfdFiles, documentPath: string): Pick<OfdDocument, 'pages' | 'defaultPageBox'> {
  const document = child(parseXml(requireFile(files, documentPath, 'the document root'), documentPath), 'Document');
  const defaultPageBox = parseBox(text(child(child(child(document, 'CommonData'), 'PageArea'), 'PhysicalBox'))) ?? [0, 0, 210, 297];
  const pages = children(child(document, 'Pages'), 'Page').map((page) => {
    const id = attribute(page, 'ID');
    const baseLoc = attribute(page, 'BaseLoc');
    if (!id || !baseLoc) throw new OfdError('OFD_MISSING_PART', `a page in ${documentPath} has no ID or BaseLoc`);
    return { id, path: resolveLoc(documentPath, baseLoc) };
  });
  return { pages, defaultPageBox };
}

/** A page's physical box (mm): its own Area when its content sets one, else the document's PageArea. */
export function pageBox(files: OfdFiles, document: OfdDocument, page: OfdPage): Box {
  const content = requireFile(files, page.path, 'the page');
  const own: XmlNode | undefined = child(parseXml(content, page.path), 'Page');
  return parseBox(text(child(child(own, 'Area'), 'PhysicalBox'))) ?? document.defaultPageBox;
}

export function parseBox(value: string | undefined): Box | undefined {
  if (!value) return undefined;
  const numbers = value.trim().split(/\s+/).map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n))) return undefined;
  return numbers as Box;
}
