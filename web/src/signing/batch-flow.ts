import { Zip, ZipPassThrough } from 'fflate';
import { batchApprovalDigest, sha256Hex } from '@seal/shared/signing';
import { documentDto, type challengeDto } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { formatBeijingDate } from '@seal/shared/time';
import { call } from '../api/client';
import { saveBlob } from '../api/download';
import { CORNER_PAGE_LABELS, cornerPlacement, type CornerPage } from './corner-placement';
import type { PdfPlacement } from './placement';
import { uploadTo } from './sign-flow';
import { batchProblem } from './ukey-batch-flow';

/** Files read and uploaded at once: a 1,000-file batch never holds more than these in memory. */
export const UPLOADS_AT_ONCE = 4;

/** Why these files cannot make one signing job (1–1,000 files of at most 50 MB), before anything is read. */
export const signingBatchProblem = (files: readonly { name: string; size: number }[]) =>
  batchProblem(files, documentDto.MAX_SIGNING_BATCH_DOCUMENTS);

/** One chosen file on its way into the batch. */
export interface BatchFile {
  name: string;
  state: 'waiting' | 'uploading' | 'uploaded' | 'refused';
  documentId?: string;
  sha256?: string;
  placement?: PdfPlacement;
  /** Why it was left out of the batch (not a PDF pdf.js can open, the upload failed). */
  error?: string;
}
export type UploadedFile = BatchFile & { documentId: string; sha256: string; placement: PdfPlacement };
export const isUploaded = (f: BatchFile): f is UploadedFile => f.state === 'uploaded';

/**
 * Reads, places and uploads every file, `UPLOADS_AT_ONCE` at a time, reporting each one's step:
 * the seal goes on the chosen page's lower right corner; a file pdf.js cannot open is left out with
 * its reason, the others go on. Only the bytes of the files in flight are held.
 */
export async function uploadBatchFiles(
  files: readonly File[],
  rule: { where: CornerPage; size: { width: number; height: number } },
  onChange: (index: number, change: Partial<BatchFile>) => void,
): Promise<void> {
  let next = 0;
  const uploadOne = async (file: File, i: number) => {
    onChange(i, { state: 'uploading' });
    const bytes = await file.arrayBuffer();
    let placement: PdfPlacement;
    try {
      placement = (await cornerPlacement(bytes, rule.where, rule.size)).placement;
    } catch {
      return onChange(i, { state: 'refused', error: '无法打开该文件，请选择有效的 PDF 文件' });
    }
    try {
      const sha256 = await sha256Hex(bytes);
      const ticket = await call(routes.createDocument, { body: { name: file.name, size: file.size, sha256 } });
      await uploadTo(ticket, bytes);
      onChange(i, { state: 'uploaded', documentId: ticket.documentId, sha256, placement });
    } catch (e) {
      onChange(i, { state: 'refused', error: (e as Error).message });
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(UPLOADS_AT_ONCE, files.length) }, async () => {
      for (let i = next++; i < files.length; i = next++) await uploadOne(files[i]!, i);
    }),
  );
}

const placementsOf = (f: UploadedFile) => [{ page: f.placement.page, x: f.placement.x, y: f.placement.y }];

/**
 * The phone's confirmation of the whole batch (decision 0210): one `sign` challenge whose summary
 * names the first file and the count, and whose digest binds every file's bytes, the seal and
 * each placement; the phone approves it once with the signing PIN.
 */
export async function askBatchApproval(seal: { companyId: string; sealId: string }, files: UploadedFile[], where: CornerPage) {
  const documentDigest = await batchApprovalDigest(
    seal.sealId,
    files.map((f) => ({ documentSha256: f.sha256, placements: placementsOf(f), crossPage: false })),
  );
  const first = files[0]!.name.slice(0, 150);
  return call(routes.challengeCreate, {
    body: {
      purpose: 'sign',
      companyId: seal.companyId,
      sealId: seal.sealId,
      details: {
        documentName: files.length > 1 ? `${first} 等${files.length}个文件` : first,
        documentCount: files.length,
        documentDigest,
        placement: `每个文件${CORNER_PAGE_LABELS[where]}`,
      },
    },
  });
}

/** The phone approved: start the signing job with exactly the approved files and placements. */
export function startApprovedBatch(sealId: string, files: UploadedFile[], challenge: challengeDto.ChallengeCreated) {
  return call(routes.startSigningBatch, {
    body: {
      sealId,
      challengeId: challenge.challengeId,
      desktopSecret: challenge.desktopSecret,
      // A retry of this start (a lost answer) gets the same batch, never a second one.
      requestId: challenge.challengeId,
      documents: files.map((f) => ({ documentId: f.documentId, placements: placementsOf(f) })),
    },
  });
}

export const pollBatch = (batchId: string) => call(routes.getSigningBatch, { params: { batchId } });

/** The signed file's current download address (presigned, short-lived): asked for when it is wanted. */
async function signedUrl(documentId: string): Promise<string> {
  const view = await call(routes.getDocument, { params: { documentId } });
  if (!view.downloadUrl) throw new Error('该文件尚未签章，无法下载');
  return view.downloadUrl;
}

export const signedName = (name: string) => `${name.replace(/\.pdf$/i, '')}（已签章）.pdf`;

/** 下载 one signed document of the batch. */
export async function downloadBatchDocument(documentId: string, name: string): Promise<void> {
  const response = await fetch(await signedUrl(documentId));
  if (!response.ok) throw new Error('下载失败，请重试');
  saveBlob(await response.blob(), signedName(name));
}

/**
 * 全部下载: every signed document of the batch in one ZIP, fetched one after another and stored
 * (PDFs are compressed already). Parts go into a Blob as they come, which the browser may keep on
 * disk, so a 1,000-file batch is not one array in memory. Two files of one name get (2), (3)...
 */
export async function downloadAllSigned(
  documents: readonly { documentId: string; name: string }[],
  onProgress: (done: number) => void,
): Promise<void> {
  let blob = new Blob([]);
  const zip = new Zip((err, chunk) => {
    if (!err) blob = new Blob([blob, chunk as BlobPart]);
  });
  const used = new Map<string, number>();
  for (const [i, d] of documents.entries()) {
    const response = await fetch(await signedUrl(d.documentId));
    if (!response.ok) throw new Error('下载失败，请重试');
    const base = signedName(d.name);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const entry = new ZipPassThrough(n === 1 ? base : base.replace(/\.pdf$/, `(${n}).pdf`));
    zip.add(entry);
    entry.push(new Uint8Array(await response.arrayBuffer()), true);
    onProgress(i + 1);
  }
  zip.end();
  saveBlob(new Blob([blob], { type: 'application/zip' }), '批量签章文件.zip');
}

/** 下载汇总报告: the API's CSV of every document's outcome (decision 0212). */
export async function downloadBatchReport(batchId: string, createdAt: string): Promise<void> {
  const csv = await call(routes.signingBatchReport, { params: { batchId } });
  // The batch's day in Beijing, as the API names the same report.
  saveBlob(csv, `批量签章汇总报告-${formatBeijingDate(createdAt)}.csv`);
}
