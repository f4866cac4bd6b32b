import { logEvent } from '../../config/logger';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import { composePorts, getServices } from '../../composition';
import { blobs } from '../../composition/blobs';
import { platformKeys } from '../../composition/platform-keys';
import { signingServices } from '../../composition-signing';
import { addArchiveTimestamp, type ArchiveOutcome } from '../../domain/document/archive-timestamp';
import { RENEWED_ROLES, renewPlatformCertificateIfDue, type RenewedRole } from '../../domain/platform-pki/platform-ca';
import type { Ports } from '../../ports';
import type { DocumentSigning } from '../../ports/document-format';

/** Days back the job looks for documents it has not handled yet (it may have missed runs). */
export const ARCHIVE_CATCH_UP_DAYS = 31;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Each outcome's documents; `failed`: an error that stopped one document (logged), not the job.
 * `certificates`: the platform certificates renewed in this run, and those whose renewal failed.
 */
export type ArchiveJobReport = Record<ArchiveOutcome | 'failed', string[]> & { certificates: { renewed: RenewedRole[]; failed: RenewedRole[] } };

/**
 * The daily archive job (decisions 0171, 0235): first the platform certificates that are due (both
 * TSAs, both OCSP responders, the seal maker) are renewed, whether or not a document is due today
 * (OFDs have no archive day: their SM2 TSA is renewed here alone); then every kept PDF whose
 * archive day has come (the `byArchiveRenewal` index, one query per day of the catch-up window, no Scan) gets fresh validation
 * data and a document timestamp (PAdES B-LTA), and a new day from the TSA certificate that made it.
 * A document signed meanwhile is left for its new day; `tsa_expiring` (no TSA certificate outlives
 * the margin: the root itself nears its end) is logged as an error for the operator.
 */
export async function runArchiveJob(services: Ports & DocumentSigning, options: { now: Date }): Promise<ArchiveJobReport> {
  const report: ArchiveJobReport = { renewed: [], changed: [], not_a_pdf: [], tsa_expiring: [], failed: [], certificates: { renewed: [], failed: [] } };
  for (const role of RENEWED_ROLES) {
    try {
      if ((await renewPlatformCertificateIfDue(services, role)).renewed) report.certificates.renewed.push(role);
    } catch (error) {
      // A failed renewal leaves the current certificate in use; the next run tries again, well inside the margin.
      logEvent('error', 'archive job: a platform certificate was not renewed', { role, error: String(error) });
      report.certificates.failed.push(role);
    }
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
  const { certificates, ...documents } = report;
  logEvent(report.tsa_expiring.length || report.failed.length || certificates.failed.length ? 'error' : 'info', 'archive job', {
    ...Object.fromEntries(Object.entries(documents).map(([k, v]) => [k, v.length])),
    certificatesRenewed: certificates.renewed,
  });
  return report;
}

/** The scheduled Lambda (EventBridge, daily): `functions/src/entry/jobs/archive-timestamp-job.handler`. */
export async function handler(): Promise<ArchiveJobReport> {
  await loadRuntimeSecrets();
  const services = signingServices(composePorts(getServices(), [blobs, platformKeys]));
  return runArchiveJob(services, { now: services.now() });
}
