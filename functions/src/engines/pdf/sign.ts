export {
  completePdfSignature,
  preparePdfSignature,
  signPdf,
  signPdfs,
  type PdfSignatureRequest,
  type PreparedPdfSignature,
  type SealPlacement,
  type SignPdfInput,
} from './sign/sign-pdf';
export { addValidationData, vriKey, type ValidationData } from './sign/add-validation-data';
export { addDocumentTimestamp } from './sign/document-timestamp';
