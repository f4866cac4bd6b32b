import { DomainError } from '@seal/shared';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';
import type { DocumentRecord } from '../../ports/store/documents';
import { currentCrl } from '../platform-pki/crl';
import { ocspResponder, ocspResponseFor } from '../platform-pki/ocsp-responder';
import { PLATFORM_AUDIT_CHAIN, platformPki } from '../platform-pki/platform-ca';
import { timestampImprint } from '../platform-pki/timestamp';
import { deleteObject, writeObject } from './document-blobs';
import { documentKeys } from './document-keys';
import { readCurrentBytes, sha256Hex } from './load-document';

/**
 * A kept PDF gets its next document timestamp this long before the TSA certificate of its newest
 * timestamp expires (decision 0171): time for a missed run, a TSA outage, an operator's look.
 */
export const ARCHIVE_MARGIN_DAYS = 365;
const DAY_MS = 24 * 3600 * 1000;

/** The archive job's day (`YYYY-MM-DD`, UTC) for a document whose newest timestamp the TSA certificate `tsa` made. */
export function archiveRenewalDay(tsa: Uint8Array): string {
  return new Date(readSealCertificate(tsa).notAfter.getTime() - ARCHIVE_MARGIN_DAYS * DAY_MS).toISOString().slice(0, 10);
}

/**
 * What keeps a kept PDF verifiable once the P-256 TSA certificate used last expires (the newest timestamp,
 * whether the signature's or a document timestamp, is the platform TSA's): fields for the document record.
 */
export async function archiveFields(
  services: Ports,
  companyId: string,
): Promise<Pick<DocumentRecord, 'archiveRenewalOn' | 'archiveCompanyId'>> {
  return { archiveRenewalOn: archiveRenewalDay((await platformPki(services)).tsa), archiveCompanyId: companyId };
}

export type ArchiveOutcome = 'renewed' | 'changed' | 'not_a_pdf' | 'tsa_expiring';

/**
 * PAdES B-LTA renewal of one kept document (ETSI EN 319 142-1 §5.5): an incremental update with
 * fresh validation data for the timestamps already in it (every TSA certificate the platform has
 * used, the CRL, an OCSP answer for them), then a document timestamp over everything, from a TSA
 * certificate that outlives the margin (the job renews it and the OCSP responder's first when due). Stored as the document's next
 * version with an audit event on the last signer's company, conditional on the version read: a
 * signature meanwhile wins, and the job sees the document again on its new day.
 */
export async function addArchiveTimestamp(services: Ports & DocumentSigning, document: DocumentRecord, now: Date): Promise<ArchiveOutcome> {
  const pki = await platformPki(services);
  if (readSealCertificate(pki.tsa).notAfter.getTime() - now.getTime() <= ARCHIVE_MARGIN_DAYS * DAY_MS) return 'tsa_expiring';
  const { bytes } = await readCurrentBytes(services, document);
  const format = services.documentSigners.of(bytes);
  if (!format.addValidationData || !format.addDocumentTimestamp) return 'not_a_pdf';

  const responder = await ocspResponder(services, 'ecdsa-p256-sha256');
  const tsas = [pki.tsa, ...pki.previousTsa];
  const withData = await format.addValidationData(bytes, {
    certificates: [pki.root, ...tsas, responder.responderCertificate],
    crls: [await currentCrl(services, pki.crlIssuer)],
    ocsps: [await ocspResponseFor(responder, tsas)],
  });
  const archived = await format.addDocumentTimestamp(withData, (imprint) => timestampImprint(services, imprint));

  const version = document.version + 1;
  const objectKey = documentKeys.signed(document.documentId, version);
  const sha256 = sha256Hex(archived);
  const archiveRenewalOn = archiveRenewalDay(pki.tsa);
  await writeObject(services, objectKey, archived);
  try {
    await services.store.commitWithAudit(
      {
        companyId: document.archiveCompanyId ?? PLATFORM_AUDIT_CHAIN,
        actorId: 'system:archive-job',
        actorRole: 'system',
        action: 'document.archive_timestamp',
        subject: document.documentId,
        before: { version: document.version, sha256: document.sha256 },
        after: { version, sha256, archiveRenewalOn },
      },
      [services.store.documents.recordArchivedVersion(document, { objectKey, version, size: archived.length, sha256, archiveRenewalOn })],
      now,
    );
  } catch (error) {
    await deleteObject(services, objectKey);
    if (error instanceof DomainError && error.code === 'CONFLICT') return 'changed';
    throw error;
  }
  return 'renewed';
}
