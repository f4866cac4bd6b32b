import { randomUUID } from 'node:crypto';

/** Where a document's bytes live in the documents bucket (decision 0019). */
export const documentKeys = {
  /** The holder's original upload. */
  upload: (personId: string, documentId: string) => `uploads/${personId}/${documentId}.pdf`,
  /**
   * Each signed version is a new, never-overwritten object: two signings racing on one document
   * both write, only the one whose record update wins is ever pointed at.
   */
  signed: (documentId: string, version: number) => `signed/${documentId}/v${version}-${randomUUID().slice(0, 8)}.pdf`,
  /** A public upload for verification only; deleted once verified. */
  verify: (documentId: string) => `verify/${documentId}.pdf`,
};

export const newDocumentId = (): string => `doc-${randomUUID()}`;

/** 合同.pdf → 合同（已签章）.pdf; 公文.ofd → 公文（已签章）.ofd (a name without either is taken for a PDF, as before OFD). */
export function signedName(name: string): string {
  const extension = /\.ofd$/i.test(name) ? '.ofd' : '.pdf';
  const base = name.replace(/\.(pdf|ofd)$/i, '');
  return `${base}（已签章）${extension}`;
}

/** The content type a download is served as, by its file name: OFD (GB/T 33190's application/ofd) or PDF. */
export const contentTypeOf = (fileName: string): string => (/\.ofd$/i.test(fileName) ? 'application/ofd' : 'application/pdf');
