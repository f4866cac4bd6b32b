import type { documentDto } from '@seal/shared';
import type { Ports } from '../../ports';
import type { DocumentReading } from '../../ports/document-format';
import { objectSize, presignDownload } from './document-blobs';
import { loadOwnedDocument, readCurrentBytes, type DocumentItem } from './load-document';
import { signedName } from './document-keys';
import { certificationView } from './certification-view';

/**
 * `GET /v1/documents/{documentId}` (owner only): name, size, page and signature counts and a
 * download URL. The first read after the upload arrived counts the pages and remembers them.
 */
export async function describeDocument(
  services: Ports & DocumentReading,
  request: { documentId: string; personId: string; now: Date },
): Promise<documentDto.DocumentView> {
  let document = await loadOwnedDocument(services, request.documentId, request.personId);
  if (document.state === 'awaiting_upload') document = await inspectUpload(services, document);
  const download =
    document.state === 'awaiting_upload'
      ? { downloadUrl: null, downloadExpiresAt: null }
      : await presignDownload(
          services,
          document.objectKey,
          document.state === 'signed' ? signedName(document.name) : document.name,
          request.now,
        );
  return {
    documentId: document.documentId,
    name: document.name,
    state: document.state,
    size: document.size ?? null,
    pages: document.pages ?? null,
    signatures: document.signatures ?? null,
    certification: certificationView(document.certificationLevel),
    version: document.version,
    createdAt: document.createdAt,
    ...download,
  };
}

/**
 * Has the upload arrived? Then read its facts (a file of no format the platform handles, or one
 * its format cannot read, fails here with its code) and record them, conditional on the document
 * still awaiting its upload.
 */
async function inspectUpload(services: Ports & DocumentReading, document: DocumentItem): Promise<DocumentItem> {
  if ((await objectSize(services, document.objectKey)) === undefined) return document;
  const { bytes } = await readCurrentBytes(services, document);
  const facts = await services.documentReaders.of(bytes).describe(bytes);
  const recorded = {
    size: bytes.length,
    pages: facts.pages,
    signatures: facts.signatures,
    ...(facts.certificationLevel ? { certificationLevel: facts.certificationLevel } : {}),
  };
  // Lost to a signing or another read (false): the facts shown are still true of these bytes.
  await services.store.documents.recordUpload(document.documentId, recorded);
  return { ...document, state: 'uploaded' as const, ...recorded };
}
