import * as z from 'zod/mini';
import { documentName, size, sha256Hex } from './common';

/** 上传待签文件: the upload ticket. */

export const CreateDocumentRequest = z.object({ name: documentName, size, sha256: z.optional(sha256Hex) });
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;

/** PUT the file to `uploadUrl` with exactly these headers before `expiresAt`. */
export const UploadTicket = z.object({
  documentId: z.string(),
  uploadUrl: z.string(),
  uploadHeaders: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicket>;
