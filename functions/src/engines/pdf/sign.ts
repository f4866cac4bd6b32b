export { signPdf, signPdfs, type SignPdfInput, type SealPlacement } from './sign/sign-pdf';
