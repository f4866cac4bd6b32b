import { withPort, type Services } from './composition';
import { documentFormats } from './adapters/document-formats';
import { pdfVerifier } from './adapters/pdf-format/verify';
import { ofdVerifier } from './adapters/ofd-format/verify';
import type { DocumentVerifying } from './ports/document-format';

export type VerifyingServices = Services & DocumentVerifying;

/** For the verifying functions: the formats' verifiers. */
export function verifyingServices(services: Services): VerifyingServices {
  return withPort(services, 'documentVerifiers', () => documentFormats([pdfVerifier, ofdVerifier]));
}
