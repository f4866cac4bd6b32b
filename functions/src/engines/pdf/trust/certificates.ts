import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { spkiOf } from '../cms/der';
import { readSealCertificate, type SealCertificateInfo } from './pki';

/**
 * Certificate details by content: a verifier sees the same root and TSA certificates in every
 * document, and reading them is most of the verification time.
 */
const LIMIT = 512;

const keyOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('base64');

const keys = new Map<string, KeyObject>();
/** The certificate's public key, via its SubjectPublicKeyInfo found with the DER walker. */
export function publicKeyOf(der: Uint8Array): KeyObject {
  const key = keyOf(der);
  let k = keys.get(key);
  if (!k) {
    k = createPublicKey({ key: Buffer.from(spkiOf(der)), format: 'der', type: 'spki' });
    if (keys.size >= LIMIT) keys.clear();
    keys.set(key, k);
  }
  return k;
}

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

/** Forgets keys and seal details (benchmarks measure first-time verification). */
export function clearCertificateCaches(): void {
  keys.clear();
  infos.clear();
}
