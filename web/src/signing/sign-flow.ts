import { approvalDigest, placementSummary, sha256Hex } from '@seal/shared/signing';
import type { challengeDto, documentDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call } from '../api/client';
import { saveBlob } from '../api/download';
import type { PdfPlacement } from './placement';

export interface PreparedSigning {
  documentId: string;
  challenge: challengeDto.ChallengeCreated;
}

export interface SigningRequest {
  file: File;
  bytes: ArrayBuffer;
  pageCount: number;
  companyId: string;
  sealId: string;
  placements: PdfPlacement[];
  crossPage: boolean;
}

/** The presigned PUT, with exactly the headers the upload ticket pins. */
export async function uploadTo(ticket: documentDto.UploadTicket, bytes: ArrayBuffer | Blob): Promise<void> {
  const put = await fetch(ticket.uploadUrl, { method: 'PUT', body: bytes, headers: ticket.uploadHeaders });
  if (!put.ok) throw new Error('文件上传失败，请重试');
}

/**
 * 签章 pressed: upload the document, then ask for a `sign` challenge whose summary names the
 * document, its page count and the placement, and whose digest binds the exact bytes, seal and
 * placement. Nothing is signed until the phone approves that challenge with the signing PIN.
 */
export async function prepareSigning(req: SigningRequest): Promise<PreparedSigning> {
  const documentSha256 = await sha256Hex(req.bytes);
  const ticket = await call(routes.createDocument, {
    body: { name: req.file.name, size: req.file.size, sha256: documentSha256 },
  });
  await uploadTo(ticket, req.bytes);
  const challenge = await call(routes.challengeCreate, {
    body: {
      purpose: 'sign',
      companyId: req.companyId,
      sealId: req.sealId,
      details: {
        documentName: req.file.name,
        pageCount: req.pageCount,
        documentDigest: await approvalDigest({ documentSha256, sealId: req.sealId, placements: req.placements, crossPage: req.crossPage }),
        placement: placementSummary(req.placements, req.crossPage),
      },
    },
  });
  return { documentId: ticket.documentId, challenge };
}

/**
 * The phone approved: sign with the `sign` challenge instead of a PIN typed on this computer,
 * asking for exactly the approved placement; the API consumes the challenge once.
 */
export async function signApproved(req: SigningRequest, prepared: PreparedSigning): Promise<documentDto.SignedDocument> {
  return call(routes.signDocumentConfirmed, {
    params: { documentId: prepared.documentId },
    body: {
      sealId: req.sealId,
      challengeId: prepared.challenge.challengeId,
      desktopSecret: prepared.challenge.desktopSecret,
      placements: req.placements.map(({ page, x, y }) => ({ page, x, y })),
      crossPage: req.crossPage,
      requestId: prepared.challenge.challengeId.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64),
    },
  });
}

/** 下载已签章文件: the signed version under the original name, marked 已签章. */
export async function downloadSigned(signed: Pick<documentDto.SignedDocument, 'downloadUrl'>, fileName: string): Promise<void> {
  const response = await fetch(signed.downloadUrl);
  if (!response.ok) throw new Error('下载失败，请重试');
  const extension = /\.ofd$/i.test(fileName) ? '.ofd' : '.pdf';
  saveBlob(await response.blob(), fileName.replace(/\.(pdf|ofd)$/i, '') + `（已签章）${extension}`);
}
