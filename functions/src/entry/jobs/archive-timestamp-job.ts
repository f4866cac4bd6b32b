import { logEvent } from '../../config/logger';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { composePorts, getServices } from '../../composition';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { addArchiveTimestamp, type ArchiveOutcome } from '../../domain/document/archive-timestamp';
import { renewPlatformCertificateIfDue } from '../../domain/platform-pki/platform-ca';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';

/** Days back the job looks for documents it has not handled yet (it may have missed runs). */
export const ARCHIVE_CATCH_UP_DAYS = 31;
const DAY_MS = 24 * 3600 * 1000;

/** Each outcome's documents; `failed`: an error that stopped one document (logged), not the job. */
export type ArchiveJobReport = Record<ArchiveOutcome | 'failed', string[]>;

/**
 * The daily archive job (decision 0171): every kept PDF whose archive day has come (the
 * `byArchiveRenewal` index, one query per day of the catch-up window, no Scan) gets fresh validation
 * data and a document timestamp (PAdES B-LTA), and a new day from the TSA certificate that made it.
 * A document signed meanwhile is left for its new day; `tsa_expiring` (no TSA certificate outlives
 * the margin: the root itself nears its end) is logged as an error for the operator. The SM2 OCSP
 * responder's certificate is renewed here too when due (decision 0230), whatever documents are due.
 */
export async function runArchiveJob(services: Ports & DocumentSigning, options: { now: Date }): Promise<ArchiveJobReport> {
  const report: ArchiveJobReport = { renewed: [], changed: [], not_a_pdf: [], tsa_expiring: [], failed: [] };
  try {
    await renewPlatformCertificateIfDue(services, 'sm2-ocsp-responder');
  } catch (error) {
    logEvent('error', 'archive job: the SM2 OCSP responder certificate was not renewed', { error: String(error) });
  }
  const today = Date.UTC(options.now.getUTCFullYear(), options.now.getUTCMonth(), options.now.getUTCDate());
  for (let offset = -ARCHIVE_CATCH_UP_DAYS; offset <= 0; offset++) {
    const day = new Date(today + offset * DAY_MS).toISOString().slice(0, 10);
    for (const document of await services.store.documents.archiveRenewalDueOn(day)) {
      try {
        report[await addArchiveTimestamp(services, document, options.now)].push(document.documentId);
      } catch (error) {
        logEvent('error', 'archive job: a document failed', { documentId: document.documentId, error: String(error) });
        report.failed.push(document.documentId);
      }
    }
  }
  logEvent(
    report.tsa_expiring.length || report.failed.length ? 'error' : 'info',
    'archive job',
    Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.length])),
  );
  return report;
}

/** The scheduled Lambda (EventBridge, daily): `functions/src/entry/jobs/archive-timestamp-job.handler`. */
export async function handler(): Promise<ArchiveJobReport> {
  await loadRuntimeSecrets();
  const services = signingServices(composePorts(getServices(), [blobs, platformKeys]));
  return runArchiveJob(services, { now: services.now() });
}
