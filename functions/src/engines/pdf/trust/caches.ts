import { clearCertificateCaches } from './certificates';
import { chainMemo } from './chain';
import { clearCertificateViews, clearPublicKeys } from './pki';
import { timestampMemo } from './timestamp';

/** Forgets every memoized verdict and parsed certificate (benchmarks measure first-time verification). */
export function clearVerificationCaches(): void {
  chainMemo.clear();
  timestampMemo.clear();
  clearCertificateCaches();
  clearPublicKeys();
  clearCertificateViews();
}
