import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { spkiOf } from '../cms/der';
import { readSealCertificate, type SealCertificateInfo } from '../../pki/read-seal-certificate';
import type * as pkijs from 'pkijs';
import { isCertificateAuthority, parseCertificate } from '../../pki/certificate';

/**
 * Parsed certificates by content: a verifier sees the same root and TSA certificates in
 * every document, and ASN.1 parsing is most of the verification time.
 */
const parsed = new Map<string, pkijs.Certificate>();
const verified = new Map<string, boolean>();
const LIMIT = 512;

const keyOf = (der: Uint8Array): string => createHash('sha256').update(der).digest('base64');

export function certificate(der: Uint8Array): pkijs.Certificate {
  const key = keyOf(der);
  let cert = parsed.get(key);
  if (!cert) {
    cert = parseCertificate(der);
    if (parsed.size >= LIMIT) parsed.clear();
    parsed.set(key, cert);
  }
  return cert;
}

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

/** `child` is signed by `issuer`, a CA (ECDSA or RSA with SHA-256), checked with node:crypto. */
export function issuedBy(childDer: Uint8Array, issuerDer: Uint8Array): boolean {
  const key = keyOf(childDer) + keyOf(issuerDer);
  const hit = verified.get(key);
  if (hit !== undefined) return hit;
  const child = certificate(childDer);
  const issuer = certificate(issuerDer);
  let ok = false;
  try {
    ok =
      isCertificateAuthority(issuer) &&
      child.issuer.isEqual(issuer.subject) &&
      verify(
        'sha256',
        child.tbsView,
        { key: publicKeyOf(issuerDer), dsaEncoding: 'der' },
        child.signatureValue.valueBlock.valueHexView,
      );
  } catch {
    ok = false;
  }
  if (verified.size >= LIMIT) verified.clear();
  verified.set(key, ok);
  return ok;
}
