import { withPort, type Services } from './composition';
import { documentFormats } from './adapters/document-formats';
import { pdfReader } from './adapters/pdf-format/read';
import { ofdReader } from './adapters/ofd-format/read';
import type { DocumentReading } from './ports/document-format';

export type ReadingServices = Services & DocumentReading;

/** For the functions that show a document's counts: the formats' readers (PDF and OFD). */
export function readingServices(services: Services): ReadingServices {
  return withPort(services, 'documentReaders', () => documentFormats([pdfReader, ofdReader]));
}
