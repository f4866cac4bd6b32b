import { documentDto, type RequestBody } from '@seal/shared/api';
import * as routes from '@seal/shared/routes';
import { call, readChosenFile, uploadBytes, type ChosenFile } from '../platform';
import { PAGE_SIZE } from './page-size';

// 文件签章 over the documents API (shared/src/api/routes/documents.ts, decision 0019): the file
// goes straight to storage through a presigned PUT, then the API signs it.

export type DocumentView = documentDto.DocumentView;
export type SignedDocument = documentDto.SignedDocument;
export type SealPlacement = documentDto.SealPlacement;
export type UploadTicket = documentDto.UploadTicket;
export type MyDocumentView = documentDto.MyDocumentView;
export type SigningRecordList = documentDto.SigningRecordList;
export type SigningRecordView = documentDto.SigningRecordView;

/** Documents up to 50 MB. */
export const MAX_DOCUMENT_BYTES = documentDto.MAX_DOCUMENT_BYTES;

export interface UploadedDocument {
  documentId: string;
  name: string;
  size: number;
  /** The file's bytes, kept on the phone for the page preview. */
  bytes: ArrayBuffer;
}

/** Reads the chosen file, asks for an upload URL and PUTs the file there. */
export async function uploadDocument(file: ChosenFile): Promise<UploadedDocument> {
  const bytes = await readChosenFile(file);
  const ticket = await call(routes.createDocument, { body: { name: file.name, size: bytes.byteLength } });
  await uploadBytes({ url: ticket.uploadUrl, bytes, headers: ticket.uploadHeaders });
  return { documentId: ticket.documentId, name: file.name, size: bytes.byteLength, bytes };
}

/** 我的文件: the documents I had signed, newest first (one page; `cursor` for the next). */
export function fetchMyDocuments(cursor?: string): Promise<documentDto.MyDocumentList> {
  return call(routes.listMyDocuments, { query: { cursor, limit: PAGE_SIZE } });
}

/** 用印记录: what this seal signed, who and when (legal representative and administrators). */
export function fetchSigningRecords(sealId: string, cursor?: string): Promise<SigningRecordList> {
  return call(routes.sealSigningRecords, { params: { sealId }, query: { cursor, limit: PAGE_SIZE } });
}

/** A document's facts: page count, signatures so far, download URL (the owner only). */
export function fetchDocument(documentId: string): Promise<DocumentView> {
  return call(routes.getDocument, { params: { documentId } });
}

/**
 * 文件签章's request. Placements on screen carry more than the API takes (their keys): only page
 * and position are sent. `requestId`: the same id again returns the first result (a retried tap).
 */
export type SignInput = RequestBody<typeof routes.signDocument>;

/** Signs the latest version of the document with one seal, at every placement (and 骑缝章). */
export function signDocument(documentId: string, { sealId, pin, placements, crossPage, requestId }: SignInput): Promise<SignedDocument> {
  return call(routes.signDocument, {
    params: { documentId },
    body: { sealId, pin, placements: placements?.map(({ page, x, y }) => ({ page, x, y })), crossPage, requestId },
  });
}

/** 合同.pdf → 合同-已签章.pdf, 公文.ofd → 公文-已签章.ofd: the name the signed file is shared under. */
export function signedFileName(name: string): string {
  const extension = /\.ofd$/i.test(name) ? '.ofd' : '.pdf';
  const base = name.replace(/\.(pdf|ofd)$/i, '').replace(/-已签章$/, '');
  return `${base}-已签章${extension}`;
}

/** A SHA-256 short enough for a list line, its two ends kept so it can still be compared by eye. */
export function shortHash(sha256: string): string {
  return sha256.length > 20 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}

/** A fresh request id for one press of 确认签章 (not a secret: it only de-duplicates retries). */
export function newRequestId(): string {
  return `mp${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

export type SigningBatchView = documentDto.SigningBatchView;
export type SigningBatchList = documentDto.SigningBatchList;

/** 批量签章进度: the person's batches of the last 7 days, newest first (started on the desktop: decision 0211). */
export function fetchSigningBatches(): Promise<SigningBatchList> {
  return call(routes.listSigningBatches);
}

/** One batch's progress: counts and each document's outcome. */
export function fetchSigningBatch(batchId: string): Promise<SigningBatchView> {
  return call(routes.getSigningBatch, { params: { batchId } });
}
