// Module paths, not the index: the index would bring the token and CMS builders into every function that reads the CA.
import { createRootCertificate } from '../../engines/pki/root-ca';
import { issueTsaCertificate } from '../../engines/pki/tsa-certificate';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import type { Signer } from '../../ports/signer';
import { PkiError } from '../../engines/pki/errors';
import { DomainError } from '@seal/shared';
import type { Ports, SealStore } from '../../ports';

/** The platform CA and TSA: certificates (DER) and their KMS-held keys. */
export interface PlatformPki {
  root: Uint8Array;
  tsa: Uint8Array;
  rootSigner: Signer;
  tsaSigner: Signer;
}

const ROOT_YEARS = 20;
const TSA_YEARS = 10;
/** Backdated a little so a clock slightly behind ours still finds the platform certificates valid. */
const SKEW_MS = 60 * 60 * 1000;

// One per services container: the stack and tests replace the container when endpoints change.
const cache = new WeakMap<Ports, Promise<PlatformPki>>();

/**
 * The root CA and TSA as the bootstrap made them (keys by alias in KMS, certificates in the
 * table), kept for the life of the container. A user's request never creates them: before the
 * bootstrap has run, this is PLATFORM_NOT_READY (503).
 */
export function platformPki(services: Ports): Promise<PlatformPki> {
  let pending = cache.get(services);
  if (!pending) {
    pending = loadPlatformPki(services);
    // A failed load (KMS briefly down, bootstrap not run yet) must not stick for the container's life.
    pending.catch(() => cache.delete(services));
    cache.set(services, pending);
  }
  return pending;
}

async function loadPlatformPki(services: Ports): Promise<PlatformPki> {
  const { root: rootSigner, tsa: tsaSigner } = await services.platformKeys.signers();
  const [root, tsa] = await Promise.all([
    readCertificate(services.store, 'root', rootSigner.keyId),
    readCertificate(services.store, 'tsa', tsaSigner.keyId),
  ]);
  if (!root || !tsa) throw new DomainError('PLATFORM_NOT_READY');
  return { root, tsa, rootSigner, tsaSigner };
}

/**
 * The bootstrap step (entry/jobs/bootstrap-platform.ts at deploy time, the local stack at start):
 * makes the platform keys if missing, then the root and TSA certificates. Idempotent, and safe
 * when two runs overlap (see ensureCertificate).
 */
export async function bootstrapPlatformPki(services: Ports): Promise<PlatformPki> {
  await services.platformKeys.ensure();
  const { root: rootSigner, tsa: tsaSigner } = await services.platformKeys.signers();
  const root = await ensureCertificate(services.store, 'root', rootSigner.keyId, () =>
    createRootCertificate({ signer: rootSigner, notBefore: new Date(services.now().getTime() - SKEW_MS), validityYears: ROOT_YEARS }),
  );
  const tsa = await ensureCertificate(services.store, 'tsa', tsaSigner.keyId, async () =>
    issueTsaCertificate({
      signer: rootSigner,
      caCertificate: root,
      tsaPublicKey: await tsaSigner.publicKeySpki(),
      notBefore: new Date(services.now().getTime() - SKEW_MS),
      validityYears: TSA_YEARS,
      publicBaseUrl: services.config.PUBLIC_BASE_URL,
    }),
  );
  cache.delete(services);
  return { root, tsa, rootSigner, tsaSigner };
}

/**
 * Reads the stored certificate of a role, or issues and stores it. Two cold starts racing:
 *   A: get → none   B: get → none
 *   A: issue, create ✓           B: issue, create ✗ (exists) → B re-reads and uses A's
 * Both serve A's certificate; B's is discarded before anyone saw it.
 */
async function ensureCertificate(store: SealStore, role: 'root' | 'tsa', keyId: string, issue: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const stored = await readCertificate(store, role, keyId);
  if (stored) return stored;
  const der = await issue();
  const info = readSealCertificate(der);
  const created = await store.platformCertificates.create({
    role,
    certificate: Buffer.from(der).toString('base64'),
    serial: info.serialNumber,
    keyId,
    notAfter: info.notAfter.toISOString(),
    createdAt: new Date().toISOString(),
  });
  if (created) return der;
  const winner = await readCertificate(store, role, keyId);
  if (winner) return winner;
  throw new Error(`the ${role} certificate existed a moment ago and is gone`);
}

async function readCertificate(store: SealStore, role: 'root' | 'tsa', keyId: string): Promise<Uint8Array | undefined> {
  const data = await store.platformCertificates.get(role);
  if (!data) return undefined;
  // The stored certificate must certify the key KMS holds now; a swapped key is an operator matter.
  if (data.keyId !== keyId) throw new PkiError('PKI_BAD_INPUT', `stored ${role} certificate is for ${data.keyId}, but the platform key is ${keyId}`);
  return new Uint8Array(Buffer.from(data.certificate, 'base64'));
}
