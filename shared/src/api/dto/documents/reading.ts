import * as z from 'zod/mini';
import { Certification } from './common';

/** A document's facts. */

export const DocumentView = z.object({
  documentId: z.string(),
  name: z.string(),
  state: z.enum(['awaiting_upload', 'uploaded', 'signed']),
  size: z.nullable(z.number()),
  pages: z.nullable(z.number()),
  signatures: z.nullable(z.number()),
  /** Null when the document is not certified (or not yet read). */
  certification: z.nullable(Certification),
  version: z.number(),
  createdAt: z.string(),
  downloadUrl: z.nullable(z.string()),
  downloadExpiresAt: z.nullable(z.string()),
});
export type DocumentView = z.infer<typeof DocumentView>;
