import type { DocumentDescription, DocumentReader, PageSize } from '../../ports/document-format';
import { readContainer } from '../../engines/ofd/container';
import { pageBox, readDocuments } from '../../engines/ofd/document';
import { readSignatureList } from '../../engines/ofd/signature-files';
import { withOfdErrors } from './ofd-errors';

/** Points per millimetre: OFD measures in mm, the port (like PDF) in points of 1/72 inch. */
export const PT_PER_MM = 72 / 25.4;

/**
 * Page and signature counts of an OFD package's first document (the one the platform signs),
 * signatures counted over every document. Page sizes, when asked, read every page's content for
 * its own Area; counting reads only OFD.xml, Document.xml and the signature lists.
 */
export function describeOfd(bytes: Uint8Array, options: { pageSizes?: boolean } = {}): Promise<DocumentDescription> {
  return withOfdErrors(() => {
    const files = readContainer(bytes);
    const documents = readDocuments(files);
    const first = documents[0]!;
    const signatures = documents.reduce(
      (count, document) => count + (document.signaturesPath && files.has(document.signaturesPath) ? readSignatureList(files, document.signaturesPath).entries.length : 0),
      0,
    );
    const description: DocumentDescription = { format: 'ofd', pages: first.pages.length, signatures };
    if (options.pageSizes) {
      description.pageSizes = first.pages.map((page): PageSize => {
        const [, , width, height] = pageBox(files, first, page);
        return { width: width * PT_PER_MM, height: height * PT_PER_MM };
      });
    }
    return description;
  });
}

/** Reading only: what a function that shows a document's counts carries. */
export const ofdReader: DocumentReader = { format: 'ofd', describe: describeOfd };
