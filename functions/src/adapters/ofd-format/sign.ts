import { DomainError } from '@seal/shared';
import type { DocumentSigner, PreparedSignature, SealPlacement, SignatureRequest } from '../../ports/document-format';
import { readContainer, type OfdFiles } from '../../engines/ofd/container';
import { pageBox, readDocuments } from '../../engines/ofd/document';
import { completeOfdSignature, prepareOfdSignature, type OfdCrossPageStamp, type OfdStampPlacement, type PendingOfdSignature } from '../../engines/ofd/sign';
import { certificateFacts } from '../../engines/ses/certificate';
import { addValidationData } from '../../engines/ofd/validation-data';
import { sm3 } from '../../engines/gm';
import { signatureAlgorithm } from '../../engines/pki/algorithms';
import { withOfdErrors } from './ofd-errors';
import { describeOfd, PT_PER_MM } from './read';

/**
 * OFD signing (GB/T 33190 §18, GB/T 38540 seal signatures; decisions 0052, 0175) in the engine's two
 * phases: the key signs SM2's e = SM3(Z ‖ TBS_Sign), computed here from the certificate's public
 * key. Placements arrive as the port has them (points from a page's lower-left corner, as on a
 * PDF) and become OFD boundaries (millimetres from the top-left corner of that page's box).
 */
export const ofdSigner: DocumentSigner = {
  format: 'ofd',
  signatureAlgorithms: ['sm2-sm3'],
  embedsSealData: true,
  describe: describeOfd,
  prepare: (bytes, request) =>
    withOfdErrors((): PreparedSignature => {
      // The domain refuses these before the gate; a direct caller still gets a 4xx, never a broken signature.
      if (request.signer.algorithm !== 'sm2-sm3') throw new DomainError('OFD_SEAL_NOT_SM2');
      if (!request.sealData) throw new DomainError('SEAL_DATA_MISSING');
      const signerCertificate = request.signer.certificateChain[0]!;
      const files = readContainer(bytes);
      const pending = prepareOfdSignature({
        ofd: files,
        seal: request.sealData,
        signerCertificate,
        signingTime: request.signingTime,
        ...stampsOf(files, request),
      });
      const spki = certificateFacts(signerCertificate)?.spki;
      if (!spki) throw new DomainError('INTERNAL');
      const digestToSign = signatureAlgorithm('sm2-sm3').digestToSign(pending.toBeSigned, spki);
      return { format: 'ofd', algorithm: 'sm2-sm3', digestToSign, state: pending };
    }),
  complete: (prepared, signatureValue, timestamp) =>
    withOfdErrors(() => {
      if (prepared.format !== 'ofd') throw new TypeError(`a ${prepared.format} signature cannot be completed as OFD`);
      // GB/T 38540's timestamp over the signature value: SM3 imprint, the SM2 TSA (decision 0195).
      return completeOfdSignature(prepared.state as PendingOfdSignature, { signature: signatureValue, timestamp: (value) => timestamp(sm3(value), 'sm2-sm3') });
    }),
  // No DSS in OFD: the certificates, CRLs and OCSP answers go beside the signature (decision 0195).
  addValidationData: (signed, data) => withOfdErrors(() => addValidationData(signed, data)),
};

/** The request's placements and 骑缝章 in OFD's terms, each against its own page's box. */
function stampsOf(files: OfdFiles, request: SignatureRequest): { stamps: OfdStampPlacement[]; crossPage?: OfdCrossPageStamp } {
  const document = readDocuments(files)[0]!;
  const { width: drawingWidth, height: drawingHeight } = request.appearance;
  const mm = (points: number) => points / PT_PER_MM;
  const stamps = request.placements.map((placement: SealPlacement): OfdStampPlacement => {
    const width = placement.width ?? drawingWidth;
    const height = placement.height ?? (placement.width ? (placement.width * drawingHeight) / drawingWidth : drawingHeight);
    const page = document.pages[placement.page - 1];
    // A page the document does not have: the engine refuses it (OFD_PAGE_NOT_FOUND).
    const pageHeight = page ? pageBox(files, document, page)[3] : 0;
    return { page: placement.page, x: mm(placement.x), y: pageHeight - mm(placement.y + height), width: mm(width), height: mm(height) };
  });
  if (!request.crossPage || document.pages.length === 0) return { stamps };
  // Centred on the first page's height, as the PDF 骑缝章 is on each page.
  const [, , , firstHeight] = pageBox(files, document, document.pages[0]!);
  const crossPage = { y: (firstHeight - mm(drawingHeight)) / 2, width: mm(drawingWidth), height: mm(drawingHeight) };
  return { stamps, crossPage };
}
