import { A4, openDocumentPreview, openOfdPreview, type DocumentPreview, type PageBox } from '../../../components/SealPlacer';
import { chooseFile } from '../../../platform';
import { fetchDocument, MAX_DOCUMENT_BYTES, uploadDocument } from '../../../services/documents';

/** The document being signed, uploaded, with what the phone knows of its pages. */
export interface OpenedDocument {
  documentId: string;
  name: string;
  /** A PDF or an OFD (GB/T 33190); either is drawn where the device can (H5), else shown as outlines. */
  format: 'pdf' | 'ofd';
  pageCount: number;
  /** Each page's media box; A4 outlines where the phone cannot read the PDF (decision 0020). */
  boxes: PageBox[];
  /** Page images, where the device can draw the document (H5). */
  preview?: DocumentPreview;
}

/** 选择文件: from a WeChat chat (weapp) or the file picker (H5), uploaded at once. */
export async function chooseAndUploadDocument(): Promise<OpenedDocument> {
  const file = await chooseFile({ extensions: ['pdf', 'ofd'] });
  if (file.size > MAX_DOCUMENT_BYTES) throw new Error('文件过大，单个文件不能超过50MB');
  const uploaded = await uploadDocument(file);
  // The server tells the formats apart by their bytes (and refuses what it cannot read); the name only spares pdf.js an OFD.
  const format = /\.ofd$/i.test(uploaded.name) ? 'ofd' : 'pdf';
  const [view, preview] = await Promise.all([
    fetchDocument(uploaded.documentId),
    format === 'pdf' ? openDocumentPreview(uploaded.bytes) : openOfdPreview(uploaded.bytes),
  ]);
  const pageCount = preview?.pageCount ?? view.pages ?? 1;
  // `pageBoxes` is requested of the documents API (decision 0020); until it is there, A4 outlines.
  const apiBoxes = (view as typeof view & { pageBoxes?: PageBox[] }).pageBoxes;
  const boxes = preview?.boxes ?? Array.from({ length: pageCount }, (_, i) => apiBoxes?.[i] ?? A4);
  return { documentId: uploaded.documentId, name: uploaded.name, format, pageCount, boxes, preview };
}
