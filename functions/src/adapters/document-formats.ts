import { DomainError } from '@seal/shared';
import type { DocumentFormatId, DocumentFormats } from '../ports/document-format';

/** How far into a file the PDF header may be: ISO 32000 readers look for `%PDF-` in the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024;
const PDF_HEADER = Buffer.from('%PDF-', 'latin1');
/** A zip's local file header: an OFD package (GB/T 33190) is a zip. */
const ZIP_HEADER = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The format the bytes say they are, by their first bytes only; undefined when they say nothing known. */
export function sniffDocumentFormat(bytes: Uint8Array): DocumentFormatId | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PDF_HEADER_WINDOW + PDF_HEADER.length));
  if (head.includes(PDF_HEADER)) return 'pdf';
  if (head.subarray(0, ZIP_HEADER.length).equals(ZIP_HEADER)) return 'ofd';
  return undefined;
}

/** The formats of a function, chosen by sniffing; bytes of another format are a 4xx (DOCUMENT_FORMAT_UNSUPPORTED), never a 5xx. */
export function documentFormats<T extends { format: DocumentFormatId }>(formats: readonly T[]): DocumentFormats<T> {
  const byId = new Map(formats.map((format) => [format.format, format]));
  return {
    of(bytes) {
      const id = sniffDocumentFormat(bytes);
      const format = id && byId.get(id);
      if (format) return format;
      throw new DomainError('DOCUMENT_FORMAT_UNSUPPORTED');
    },
  };
}
