// Module paths, not the index: the index would bring the token and CMS builders into every function that reads the CA.
import { createRootCertificate } from '../../engines/pki/root-ca';
import { issueTsaCertificate } from '../../engines/pki/tsa-certificate';
import { issueSealMakerCertificate } from '../../engines/pki/seal-maker-certificate';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { crlUrl, ocspUrl } from '../../engines/pki/extensions';
import { issueOcspResponderCertificate } from '../../engines/pki/ocsp-responder-certificate';
import type { SignatureAlgorithmId, Signer } from '../../ports/signer';
import type { PlatformSigner } from '../../ports/platform-keys';
import { PkiError } from '../../engines/pki/errors';
import { DomainError } from '@seal/shared';
import type { Ports, SealStore } from '../../ports';
import type { PlatformCertificateRecord } from '../../ports/store/certificates';
import { CRL_ISSUERS } from './crl-issuers';

export { CRL_ISSUERS };

/**
 * One of the platform's CA hierarchies: its root and TSA certificates (DER) and their keys, the
 * name its CRL and its certificate records go by, and the CRL's URL written into what it issues.
 */
export interface PlatformCa {
  algorithm: SignatureAlgorithmId;
  root: Uint8Array;
  tsa: Uint8Array;
  /** The TSA certificates it renewed (same key), newest first: timestamps made with them still verify (decision 0171). */
  previousTsa: Uint8Array[];
  rootSigner: Signer;
  tsaSigner: Signer;
  /** `CrlState.issuer` and `CertificateRecord.issuer`. */
  crlIssuer: string;
  crlUrl: string;
  /** The OCSP responder's URL, written into its seal and TSA certificates (decisions 0190, 0232); one route answers both hierarchies. */
  ocspUrl: string;
}

/** The P-256 hierarchy (the platform's first). */
export type PlatformPki = PlatformCa;

/** The SM2 hierarchy (decision 0076): also the seal maker (制章) that signs every seal's 印章数据. */
export interface GmPlatformPki extends PlatformCa {
  sealMaker: Uint8Array;
  sealMakerSigner: Signer;
}

type Role = PlatformCertificateRecord['role'];

const ROOT_YEARS = 20;
const TSA_YEARS = 10;
const SEAL_MAKER_YEARS = 10;
/** The responder certificate carries ocsp-nocheck, so a short life is what limits a stolen responder key. */
const OCSP_RESPONDER_YEARS = 2;
/** Backdated a little so a clock slightly behind ours still finds the platform certificates valid. */
const SKEW_MS = 60 * 60 * 1000;
const SM2_NAMES = { root: '深圳市统一电子印章平台 SM2根CA', tsa: '深圳市统一电子印章平台 SM2时间戳服务', ocspResponder: '深圳市统一电子印章平台 SM2 OCSP响应服务' };

// One per services container: the stack and tests replace the container when endpoints change.
const p256Cache = new WeakMap<Ports, Promise<PlatformPki>>();
const sm2Cache = new WeakMap<Ports, Promise<GmPlatformPki>>();
/** Each hierarchy's OCSP responder key and certificate (ocsp-responder.ts), read once per container like the root; a renewal forgets them. */
export const ocspResponderCaches: Record<SignatureAlgorithmId, WeakMap<Ports, Promise<{ signer: PlatformSigner; responderCertificate: Uint8Array }>>> = {
  'ecdsa-p256-sha256': new WeakMap(),
  'sm2-sm3': new WeakMap(),
};
/** The platform certificate role of each hierarchy's OCSP responder. */
export const OCSP_RESPONDER_ROLES = { 'ecdsa-p256-sha256': 'ocsp-responder', 'sm2-sm3': 'sm2-ocsp-responder' } as const satisfies Record<SignatureAlgorithmId, Role>;

/**
 * The P-256 root CA and TSA as the bootstrap made them (keys by alias in KMS, certificates in the
 * table), kept for the life of the container. A user's request never creates them: before the
 * bootstrap has run, this is PLATFORM_NOT_READY (503).
 */
export function platformPki(services: Ports): Promise<PlatformPki> {
  return cached(p256Cache, services, loadP256);
}

/** The SM2 root CA, TSA and seal maker, read the same way (decision 0076). */
export function gmPlatformPki(services: Ports): Promise<GmPlatformPki> {
  return cached(sm2Cache, services, loadSm2);
}

/** The hierarchy that issues and timestamps for keys of an algorithm. */
export function platformCaFor(services: Ports, algorithm: SignatureAlgorithmId): Promise<PlatformCa> {
  switch (algorithm) {
    case 'ecdsa-p256-sha256':
      return platformPki(services);
    case 'sm2-sm3':
      return gmPlatformPki(services);
    default: {
      const unknown: never = algorithm;
      throw new Error(`no platform CA for ${String(unknown)}`);
    }
  }
}

/** The hierarchy whose CRL has this name. */
export function platformCaOfCrl(services: Ports, crlIssuer: string): Promise<PlatformCa> {
  const algorithm = (Object.keys(CRL_ISSUERS) as SignatureAlgorithmId[]).find((id) => CRL_ISSUERS[id] === crlIssuer);
  if (!algorithm) throw new Error(`no platform CA issues CRL ${crlIssuer}`);
  return platformCaFor(services, algorithm);
}

/** What `load` makes, once per services container (see the caches above). */
export function cached<T>(cache: WeakMap<Ports, Promise<T>>, services: Ports, load: (services: Ports) => Promise<T>): Promise<T> {
  let pending = cache.get(services);
  if (!pending) {
    pending = load(services);
    // A failed load (KMS briefly down, bootstrap not run yet) must not stick for the container's life.
    pending.catch(() => cache.delete(services));
    cache.set(services, pending);
  }
  return pending;
}

async function loadP256(services: Ports): Promise<PlatformPki> {
  const { root: rootSigner, tsa: tsaSigner } = await services.platformKeys.signers();
  const [root, tsa] = await Promise.all([readCertificate(services.store, 'root', rootSigner.keyId), readCertificates(services.store, 'tsa', tsaSigner.keyId)]);
  if (!root || !tsa) throw new DomainError('PLATFORM_NOT_READY');
  return p256Ca(services, { root, tsa: tsa.current, previousTsa: tsa.previous, rootSigner, tsaSigner });
}

async function loadSm2(services: Ports): Promise<GmPlatformPki> {
  const { root: rootSigner, tsa: tsaSigner, sealMaker: sealMakerSigner } = await services.platformKeys.sm2Signers();
  const [root, tsa, sealMaker] = await Promise.all([
    readCertificate(services.store, 'sm2-root', rootSigner.keyId),
    readCertificates(services.store, 'sm2-tsa', tsaSigner.keyId),
    readCertificate(services.store, 'seal-maker', sealMakerSigner.keyId),
  ]);
  if (!root || !tsa || !sealMaker) throw new DomainError('PLATFORM_NOT_READY');
  return sm2Ca(services, { root, tsa: tsa.current, previousTsa: tsa.previous, rootSigner, tsaSigner, sealMaker, sealMakerSigner });
}

const p256Ca = (services: Ports, parts: Pick<PlatformCa, 'root' | 'tsa' | 'previousTsa' | 'rootSigner' | 'tsaSigner'>): PlatformPki => ({
  algorithm: 'ecdsa-p256-sha256',
  ...parts,
  crlIssuer: CRL_ISSUERS['ecdsa-p256-sha256'],
  crlUrl: crlUrl(services.config.PUBLIC_BASE_URL),
  ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL),
});

const sm2Ca = (
  services: Ports,
  parts: Pick<GmPlatformPki, 'root' | 'tsa' | 'rootSigner' | 'tsaSigner' | 'sealMaker' | 'sealMakerSigner'> & Partial<Pick<GmPlatformPki, 'previousTsa'>>,
): GmPlatformPki => ({
  algorithm: 'sm2-sm3',
  previousTsa: [],
  ...parts,
  crlIssuer: CRL_ISSUERS['sm2-sm3'],
  crlUrl: sm2CrlUrl(services),
  ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL),
});

/** The SM2 root's CRL: the same route, `?ca=sm2`. */
const sm2CrlUrl = (services: Ports): string => `${crlUrl(services.config.PUBLIC_BASE_URL)}?ca=sm2`;

/**
 * The bootstrap step (entry/jobs/bootstrap-platform.ts at deploy time, the local stack at start):
 * makes the platform keys if missing, then the certificates of both hierarchies: the P-256 root,
 * TSA and OCSP responder, and the SM2 root, TSA, seal maker (制章) and OCSP responder. Idempotent, and safe when two runs overlap
 * (see ensureCertificate).
 */
export async function bootstrapPlatformPki(services: Ports): Promise<{ p256: PlatformPki; sm2: GmPlatformPki }> {
  await services.platformKeys.ensure();
  const [p256Signers, sm2Signers] = await Promise.all([services.platformKeys.signers(), services.platformKeys.sm2Signers()]);
  const p256 = await rootAndTsa(services, {
    ...p256Signers,
    roles: ['root', 'tsa'],
    crlUrl: crlUrl(services.config.PUBLIC_BASE_URL),
    ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL),
  });
  const ocspSigner = await services.platformKeys.ocspSigner('ecdsa-p256-sha256');
  await ensureCertificate(services.store, 'ocsp-responder', ocspSigner.keyId, () => issueResponder(services, { rootSigner: p256Signers.root, root: p256.root, responderSigner: ocspSigner }));
  const sm2Url = sm2CrlUrl(services);
  const sm2 = await rootAndTsa(services, { ...sm2Signers, roles: ['sm2-root', 'sm2-tsa'], crlUrl: sm2Url, ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL), names: SM2_NAMES });
  const sm2OcspSigner = await services.platformKeys.ocspSigner('sm2-sm3');
  await ensureCertificate(services.store, 'sm2-ocsp-responder', sm2OcspSigner.keyId, () =>
    issueResponder(services, { rootSigner: sm2Signers.root, root: sm2.root, responderSigner: sm2OcspSigner, commonName: SM2_NAMES.ocspResponder }),
  );
  const sealMaker = await ensureCertificate(services.store, 'seal-maker', sm2Signers.sealMaker.keyId, () =>
    issueSealMaker(services, { rootSigner: sm2Signers.root, root: sm2.root, makerSigner: sm2Signers.sealMaker }),
  );
  p256Cache.delete(services);
  sm2Cache.delete(services);
  return {
    p256: await platformPki(services),
    sm2: sm2Ca(services, { ...sm2, rootSigner: sm2Signers.root, tsaSigner: sm2Signers.tsa, sealMaker, sealMakerSigner: sm2Signers.sealMaker }),
  };
}

async function rootAndTsa(
  services: Ports,
  hierarchy: { root: PlatformSigner; tsa: PlatformSigner; roles: [Role, Role]; crlUrl: string; ocspUrl?: string; names?: { root: string; tsa: string } },
): Promise<{ root: Uint8Array; tsa: Uint8Array }> {
  const { root: rootSigner, tsa: tsaSigner, roles, names } = hierarchy;
  const root = await ensureCertificate(services.store, roles[0], rootSigner.keyId, () =>
    createRootCertificate({
      signer: rootSigner,
      notBefore: new Date(services.now().getTime() - SKEW_MS),
      validityYears: ROOT_YEARS,
      ...(names ? { commonName: names.root } : {}),
    }),
  );
  const tsa = await ensureCertificate(services.store, roles[1], tsaSigner.keyId, () =>
    issueTsa(services, { rootSigner, root, tsaSigner, crlUrl: hierarchy.crlUrl, ocspUrl: hierarchy.ocspUrl, commonName: names?.tsa }),
  );
  return { root, tsa };
}

async function issueTsa(
  services: Ports,
  p: { rootSigner: Signer; root: Uint8Array; tsaSigner: Signer; crlUrl: string; ocspUrl: string | undefined; commonName: string | undefined },
): Promise<Uint8Array> {
  return issueTsaCertificate({
    signer: p.rootSigner,
    caCertificate: p.root,
    tsaPublicKey: await p.tsaSigner.publicKeySpki(),
    notBefore: new Date(services.now().getTime() - SKEW_MS),
    validityYears: TSA_YEARS,
    publicBaseUrl: services.config.PUBLIC_BASE_URL,
    crlUrl: p.crlUrl,
    ...(p.ocspUrl ? { ocspUrl: p.ocspUrl } : {}),
    ...(p.commonName ? { commonName: p.commonName } : {}),
  });
}

async function issueSealMaker(services: Ports, p: { rootSigner: Signer; root: Uint8Array; makerSigner: Signer }): Promise<Uint8Array> {
  return issueSealMakerCertificate({
    signer: p.rootSigner,
    caCertificate: p.root,
    makerPublicKey: await p.makerSigner.publicKeySpki(),
    notBefore: new Date(services.now().getTime() - SKEW_MS),
    validityYears: SEAL_MAKER_YEARS,
    crlUrl: sm2CrlUrl(services),
    ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL),
  });
}

async function issueResponder(services: Ports, p: { rootSigner: Signer; root: Uint8Array; responderSigner: Signer; commonName?: string }): Promise<Uint8Array> {
  return issueOcspResponderCertificate({
    signer: p.rootSigner,
    caCertificate: p.root,
    responderPublicKey: await p.responderSigner.publicKeySpki(),
    notBefore: new Date(services.now().getTime() - SKEW_MS),
    validityYears: OCSP_RESPONDER_YEARS,
    ...(p.commonName ? { commonName: p.commonName } : {}),
  });
}

/**
 * Platform certificates the archive job keeps ahead of the archive (decisions 0171, 0235): the same
 * key, certified again by its hierarchy's root, once less than `renewBeforeDays` is left. A TSA's
 * margin is longer than the archive job's, so a document timestamp it makes always outlives the
 * timestamp it protects, and an OFD signed in the last year of a TSA certificate still gets a
 * timestamp from a certificate valid when it was made; the seal maker's covers the seals it signs
 * (one year each); the responder's (two years, ocsp-nocheck) only has to cover a missed run.
 */
const RENEWED = {
  tsa: { renewBeforeDays: 2 * 365, root: 'root' },
  'ocsp-responder': { renewBeforeDays: 90, root: 'root' },
  'sm2-tsa': { renewBeforeDays: 2 * 365, root: 'sm2-root' },
  'seal-maker': { renewBeforeDays: 2 * 365, root: 'sm2-root' },
  'sm2-ocsp-responder': { renewBeforeDays: 90, root: 'sm2-root' },
} as const satisfies Record<string, { renewBeforeDays: number; root: Role }>;
export type RenewedRole = keyof typeof RENEWED;
export const RENEWED_ROLES = Object.keys(RENEWED) as RenewedRole[];
const DAY_MS = 24 * 3600 * 1000;

/** The root key that certifies a renewed role and the key the role's certificate is for. */
async function renewalSigners(services: Ports, role: RenewedRole): Promise<{ rootSigner: PlatformSigner; subjectSigner: PlatformSigner }> {
  if (role === 'tsa' || role === 'ocsp-responder') {
    const { root, tsa } = await services.platformKeys.signers();
    return { rootSigner: root, subjectSigner: role === 'tsa' ? tsa : await services.platformKeys.ocspSigner('ecdsa-p256-sha256') };
  }
  const { root, tsa, sealMaker } = await services.platformKeys.sm2Signers();
  const subjectSigner = role === 'sm2-tsa' ? tsa : role === 'seal-maker' ? sealMaker : await services.platformKeys.ocspSigner('sm2-sm3');
  return { rootSigner: root, subjectSigner };
}

function reissue(services: Ports, role: RenewedRole, p: { rootSigner: Signer; root: Uint8Array; subjectSigner: Signer }): Promise<Uint8Array> {
  switch (role) {
    case 'tsa':
      return issueTsa(services, { rootSigner: p.rootSigner, root: p.root, tsaSigner: p.subjectSigner, crlUrl: crlUrl(services.config.PUBLIC_BASE_URL), ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL), commonName: undefined });
    case 'sm2-tsa':
      return issueTsa(services, { rootSigner: p.rootSigner, root: p.root, tsaSigner: p.subjectSigner, crlUrl: sm2CrlUrl(services), ocspUrl: ocspUrl(services.config.PUBLIC_BASE_URL), commonName: SM2_NAMES.tsa });
    case 'ocsp-responder':
      return issueResponder(services, { rootSigner: p.rootSigner, root: p.root, responderSigner: p.subjectSigner });
    case 'sm2-ocsp-responder':
      return issueResponder(services, { rootSigner: p.rootSigner, root: p.root, responderSigner: p.subjectSigner, commonName: SM2_NAMES.ocspResponder });
    case 'seal-maker':
      return issueSealMaker(services, { rootSigner: p.rootSigner, root: p.root, makerSigner: p.subjectSigner });
  }
}

/**
 * Renews a platform certificate when it is due, keeping the earlier ones in the record (either
 * hierarchy's OCSP responder still answers `good` for its earlier TSA certificates; OFD validation
 * data lists the earlier SM2 ones). The new record and the audit event `platform.certificate_renewed` (on the
 * `platform` chain) land together, conditional on the serial read: two runs racing renew once.
 * Returns the certificate now current and whether this call renewed it.
 */
export async function renewPlatformCertificateIfDue(services: Ports, role: RenewedRole): Promise<{ certificate: Uint8Array; renewed: boolean }> {
  const { rootSigner, subjectSigner } = await renewalSigners(services, role);
  const [root, record] = await Promise.all([readCertificate(services.store, RENEWED[role].root, rootSigner.keyId), services.store.platformCertificates.get(role)]);
  if (!root || !record || record.keyId !== subjectSigner.keyId) throw new DomainError('PLATFORM_NOT_READY');
  const current = new Uint8Array(Buffer.from(record.certificate, 'base64'));
  const now = services.now();
  if (new Date(record.notAfter).getTime() - now.getTime() > RENEWED[role].renewBeforeDays * DAY_MS) return { certificate: current, renewed: false };
  const der = await reissue(services, role, { rootSigner, root, subjectSigner });
  const info = readSealCertificate(der);
  const next: PlatformCertificateRecord = {
    role,
    certificate: Buffer.from(der).toString('base64'),
    serial: info.serialNumber,
    keyId: record.keyId,
    notAfter: info.notAfter.toISOString(),
    createdAt: now.toISOString(),
    previous: [record.certificate, ...(record.previous ?? [])],
  };
  try {
    await services.store.commitWithAudit(
      {
        companyId: PLATFORM_AUDIT_CHAIN,
        actorId: 'system:archive-job',
        actorRole: 'system',
        action: 'platform.certificate_renewed',
        subject: role,
        before: { serial: record.serial, notAfter: record.notAfter },
        after: { serial: next.serial, notAfter: next.notAfter },
      },
      [services.store.platformCertificates.renew(next, record.serial)],
      now,
    );
  } catch (error) {
    if (!(error instanceof DomainError && error.code === 'CONFLICT')) throw error;
    // Another run renewed it first: use theirs.
    forgetRenewed(services);
    const winner = await readCertificate(services.store, role, subjectSigner.keyId);
    if (!winner) throw new Error(`the ${role} certificate was renewed a moment ago and is gone`);
    return { certificate: winner, renewed: false };
  }
  forgetRenewed(services);
  return { certificate: der, renewed: true };
}

/** The audit chain of what the platform does to its own certificates (no company's). */
export const PLATFORM_AUDIT_CHAIN = 'platform';

function forgetRenewed(services: Ports): void {
  p256Cache.delete(services);
  sm2Cache.delete(services);
  for (const cache of Object.values(ocspResponderCaches)) cache.delete(services);
}

/**
 * Reads the stored certificate of a role, or issues and stores it. Two cold starts racing:
 *   A: get → none   B: get → none
 *   A: issue, create ✓           B: issue, create ✗ (exists) → B re-reads and uses A's
 * Both serve A's certificate; B's is discarded before anyone saw it.
 */
async function ensureCertificate(store: SealStore, role: PlatformCertificateRecord['role'], keyId: string, issue: () => Promise<Uint8Array>): Promise<Uint8Array> {
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

export async function readCertificate(store: SealStore, role: PlatformCertificateRecord['role'], keyId: string): Promise<Uint8Array | undefined> {
  return (await readCertificates(store, role, keyId))?.current;
}

/** The role's certificate and the earlier ones it renewed (DER), in one read. */
async function readCertificates(store: SealStore, role: PlatformCertificateRecord['role'], keyId: string): Promise<{ current: Uint8Array; previous: Uint8Array[] } | undefined> {
  const data = await store.platformCertificates.get(role);
  if (!data) return undefined;
  // The stored certificate must certify the key KMS holds now; a swapped key is an operator matter.
  if (data.keyId !== keyId) throw new PkiError('PKI_BAD_INPUT', `stored ${role} certificate is for ${data.keyId}, but the platform key is ${keyId}`);
  const der = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  return { current: der(data.certificate), previous: (data.previous ?? []).map(der) };
}
