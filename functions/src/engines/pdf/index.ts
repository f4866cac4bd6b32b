export * from './sign';
export * from './verify';
export { PdfInputError, type PdfInputErrorCode } from './errors';
