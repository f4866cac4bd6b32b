import type { DocumentSigner, PreparedSignature } from '../../ports/document-format';
import { addDocumentTimestamp, addValidationData, completePdfSignature, preparePdfSignature, type PreparedPdfSignature } from '../../engines/pdf/sign';
import { withPdfErrors } from './pdf-errors';
import { describePdf } from './read';

/** PDF signing, PAdES B-T as an incremental update, in the engine's two phases (decision 0046); B-LT adds a DSS after it, B-LTA a document timestamp over that (decision 0111). */
export const pdfSigner: DocumentSigner = {
  format: 'pdf',
  describe: describePdf,
  prepare: (bytes, request) =>
    withPdfErrors((): PreparedSignature => {
      const state = preparePdfSignature({
        pdf: bytes,
        pdfSha256: request.bytesSha256,
        algorithm: request.signer.algorithm,
        certificateChain: request.signer.certificateChain,
        placements: request.placements,
        crossPage: request.crossPage,
        appearance: request.appearance,
        signingTime: request.signingTime,
        reason: request.reason,
        location: request.location,
        signerName: request.signer.name,
        certify: request.certify,
      });
      return { format: 'pdf', algorithm: request.signer.algorithm, digestToSign: state.digestToSign, state };
    }),
  complete: (prepared, signatureValue, timestamp) =>
    withPdfErrors(() => {
      if (prepared.format !== 'pdf') throw new TypeError(`a ${prepared.format} signature cannot be completed as PDF`);
      return completePdfSignature(prepared.state as PreparedPdfSignature, signatureValue, timestamp);
    }),
  addValidationData: (signed, data) => withPdfErrors(() => addValidationData(signed, data)),
  addDocumentTimestamp: (signed, timestamp) => withPdfErrors(() => addDocumentTimestamp(signed, timestamp)),
};
