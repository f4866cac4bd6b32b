import { createHash } from 'node:crypto';
import { readSealCertificate, type SealCertificateInfo } from './pki';

/**
 * Certificate details by content: a verifier sees the same root and TSA certificates in every
 * document, and reading them is part of every report.
 */
const LIMIT = 512;

const keyOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('base64');

const infos = new Map<string, SealCertificateInfo>();
export function sealCertificateInfo(der: Uint8Array): SealCertificateInfo {
  const key = keyOf(der);
  let info = infos.get(key);
  if (!info) {
    info = readSealCertificate(der);
    if (infos.size >= LIMIT) infos.clear();
    infos.set(key, info);
  }
  return info;
}

/** Forgets seal details (benchmarks measure first-time verification). */
export function clearCertificateCaches(): void {
  infos.clear();
}
