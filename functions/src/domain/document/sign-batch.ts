import { DomainError, ERRORS, type documentDto } from '@seal/shared';
import { authorizeSignature } from '../seal/authorize-signature';
import { logEvent } from '../../config/logger';
import type { Ports } from '../../ports';
import type { Standing } from '../identity/load-actor';
import type { DocumentSigning } from '../../ports/document-format';
import { loadOwnedDocument } from './load-document';
import { signAuthorizedDocument } from './sign-authorized';

export interface SignBatchRequest {
  personId: string;
  sealId: string;
  pin: string;
  documents: { documentId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean }[];
  now: Date;
  /** Who the person is (permission matrix, credentials), as the request read it at its start (not read a second time). */
  standing?: Standing;
}

/**
 * 批量签章: one pass through the gate (one PIN check, one key unwrap), then each document on its
 * own: a document that fails (not found, unreadable, a page that does not exist, a concurrent
 * signing) is reported with its code and the others still sign. A refused gate refuses the
 * whole request (wrong PIN, frozen seal...), with nothing written.
 */
export async function signDocuments(
  services: Ports & DocumentSigning,
  request: SignBatchRequest,
): Promise<documentDto.SignBatchResponse> {
  const authorization = await authorizeSignature(services, {
    personId: request.personId,
    sealId: request.sealId,
    pin: request.pin,
    now: request.now,
    standing: request.standing,
  });
  const actorRole = authorization.as;
  const results: documentDto.SignBatchResponse['results'] = [];
  // One after another: documents are up to 50 MB each and the key is used by one request at a time.
  for (const item of request.documents) {
    try {
      const document = await loadOwnedDocument(services, item.documentId, request.personId);
      const signed = await signAuthorizedDocument(
        services,
        { authorization, personId: request.personId, actorRole, now: request.now },
        { document, ...item },
      );
      results.push({ documentId: item.documentId, ok: true, document: signed });
    } catch (error) {
      results.push({ documentId: item.documentId, ok: false, error: errorBody(error) });
    }
  }
  const signed = results.filter((r) => r.ok).length;
  return { signed, failed: results.length - signed, results };
}

function errorBody(error: unknown): { code: string; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: error.message };
  logEvent('error', 'batch item failed', { error: String(error), stack: (error as Error)?.stack });
  return { code: 'INTERNAL', message: ERRORS.INTERNAL.message };
}
