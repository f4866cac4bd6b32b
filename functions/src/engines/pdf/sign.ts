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
