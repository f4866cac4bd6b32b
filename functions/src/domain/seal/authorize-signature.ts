import { DomainError, authorize, canSign } from '@seal/shared';
import { loadStanding, type Standing } from '../identity/load-actor';
import { checkPin } from '../credential/check-pin';
import { isLive, liveCredentialAmong, type CredentialItem } from '../credential/find-credential';
import { crlIssuerOf } from '../platform-pki/revoke-certificates';
import type { ValidationRecords } from '../document/validation-data';
import type { CompanyRecord, CredentialKey, Versioned } from '../../ports/seal-store';
import { platformPki } from '../platform-pki/platform-ca';
import type { Signer } from '../../ports/signer';
import { refusalFor } from './transition-seal';
import type { Ports } from '../../ports';
import type { SealStore, WriteOp } from '../../ports/seal-store';
import { lifecycleDeps, type LifecycleDeps } from './deps';
import { loadSeal } from './load-seal';
import { certificateDer, keyContextOf, keyRecordOf, type SealItem } from './views';

export interface SignatureAuthorization {
  seal: SealItem;
  /** The role the permission matrix let the person sign in (legal representative or holder), for the audit chain. */
  as: string;
  credential: CredentialItem;
  /** Use for this one signing request, then drop it. */
  signer: Signer;
  /** DER: the credential's certificate, then the platform root. */
  certificateChain: Uint8Array[];
  /** Read with the seal in one call (decision 0205): the seal's company (its name on the drawing), and what the signature's validation data is made from. */
  company?: CompanyRecord;
  validation?: ValidationRecords;
}

/**
 * How the signer proved it is them: the PIN typed now, or (desktop signing, decision 0018) the
 * credential whose PIN the phone checked when it approved the `sign` challenge just consumed.
 */
export type SignatureProof = { pin: string } | { approvedCredentialId: string };

/** The approved credential, still the person's live one (a PIN reset since refuses) and not locked. */
function approvedCredential(live: CredentialItem, credentialId: string): CredentialItem {
  if (live.credentialId !== credentialId) throw new DomainError('CREDENTIAL_INACTIVE');
  if (live.state === 'locked') throw new DomainError('PIN_LOCKED');
  return live;
}

/**
 * The gate every signature passes (文件签章, 在线签章): who is asking is read fresh (a cancelled
 * grant stops them at once), the permission matrix allows `seal.sign`, the seal is in a state that
 * signs (not frozen, revoked, expired, unclaimed), the PIN is right (wrong ones count towards the
 * lockout) or was approved on the phone, the certificate is within its validity, and only then is the key unwrapped.
 * The person's credential is read once, by holder (decision 0141). Seal and credential are not read
 * again: the signature's commit holds them to the versions read here (`stillAsAuthorized`).
 *
 * Timeline it protects:
 *   gate reads seal v7 active ─ PIN ok ─ key unwrapped ─ signs ─ commit: seal still v7? credential still v3?
 *                        freeze commits v8 frozen ──┘                     → no: SEAL_FROZEN, nothing stored
 * A freeze that commits before the request starts is seen by the first read; one that lands before
 * the signed version is committed fails the commit's condition checks (decision 0161).
 */
export async function authorizeSignature(
  services: Ports,
  request: { personId: string; sealId: string; now: Date; standing?: Standing } & SignatureProof,
  overrides: Partial<LifecycleDeps> = {},
): Promise<SignatureAuthorization> {
  const deps = lifecycleDeps(services, overrides);
  const { seal, as, live, company, validation } = await openSigningGate(services, request, (c) => c);
  // A seal bound to a UKey signs only with the token's key (decision 0121): refused before a PIN is counted.
  if (live.medium === 'ukey') throw new DomainError('UKEY_BOUND');
  const credential =
    'pin' in request
      ? await checkPin(services, { sealId: seal.sealId, personId: request.personId, pin: request.pin, now: request.now, credential: live })
      : approvedCredential(live, request.approvedCredentialId);
  if (new Date(credential.notAfter) < request.now) throw new DomainError('SEAL_EXPIRED');
  if (new Date(credential.notBefore) > request.now) throw new DomainError('CREDENTIAL_INACTIVE');
  const [signer, pki] = await Promise.all([deps.custody.signerFor(keyRecordOf(credential), keyContextOf(credential)), platformPki(services)]);
  return {
    seal,
    as,
    credential,
    signer,
    certificateChain: [certificateDer(credential), pki.root],
    ...(company ? { company } : {}),
    // The records read were the credential's certificate's (a PIN check re-reads only the same credential).
    ...(validation?.certificate.serial === credential.serial ? { validation } : {}),
  };
}

/** The seal and credential as the gate read them: what a signature's commit holds them to. */
export type VersionedSeal = Pick<SealItem, 'sealId' | 'companyId'> & Versioned;
export type VersionedCredential = CredentialKey & Versioned;

/** The certificate a signature will carry: the credential's own, or its UKey's (decision 0121). */
type SigningCertificate = (credential: CredentialItem) => { serial: string; publicKey: string } | undefined;

/**
 * What every way of signing (PIN, phone approval, UKey) starts with: who is asking is the request's
 * standing, read fresh at its start (a cancelled grant stops them at once); the person's credential
 * on the seal is among it, so its company, its certificate and that certificate's CA are known and
 * the seal comes in one consistent read with its company and the records the validation data is
 * made from (decision 0205). Then the permission matrix allows `seal.sign`, the seal's state signs,
 * and the person holds a live credential on it.
 */
export async function openSigningGate(
  services: Ports,
  request: { personId: string; sealId: string; standing?: Standing },
  certificateOf?: SigningCertificate,
): Promise<{ seal: SealItem; as: string; live: CredentialItem; company?: CompanyRecord; validation?: ValidationRecords }> {
  const { store } = services;
  const standing = request.standing ?? (await loadStanding(store, request.personId));
  const held = standing.credentials.find((c) => c.sealId === request.sealId && isLive(c));
  const certificate = held && certificateOf?.(held);
  const crlIssuer = certificate && crlIssuerOf(certificate.publicKey);
  const read = await store.readTogether({ seal: request.sealId, company: held?.companyId, crlState: crlIssuer, certificate: certificate?.serial });
  const { seal } = read;
  if (!seal) throw new DomainError('SEAL_NOT_FOUND');
  const decision = authorize(standing.actor, 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] });
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
  if (!canSign(seal.state)) throw new DomainError(refusalFor(seal.state));
  const live = liveCredentialAmong(standing.credentials, { sealId: seal.sealId });
  return {
    seal,
    as: decision.as,
    live,
    ...(read.company?.companyId === seal.companyId ? { company: read.company } : {}),
    ...(certificate && crlIssuer ? { validation: { crl: { issuer: crlIssuer, state: read.crlState }, certificate: { serial: certificate.serial, record: read.certificate } } } : {}),
  };
}

/**
 * The condition checks a signature's commit carries (decision 0161): the seal and the credential
 * are still at the versions the gate read, so neither changed since (a freeze, a revocation, a PIN
 * change, a lock, a renewal, a move to a UKey). The holder index the credential was found by may
 * lag; the version read by key in the commit does not.
 */
export function stillAsAuthorized(store: SealStore, authorization: { seal: VersionedSeal; credential: VersionedCredential }): WriteOp[] {
  return [store.seals.unchanged(authorization.seal), store.credentials.unchanged(authorization.credential)];
}

/**
 * Why a signature's commit failed its conditions, in the gate's words: the seal's state now
 * (SEAL_FROZEN...), the credential no longer active or moved to a UKey; CONFLICT when only a
 * version moved (another change that still signs, or the document signed by someone else first).
 */
export async function refusalSinceAuthorized(
  store: SealStore,
  authorization: { seal: Pick<SealItem, 'sealId'>; credential: CredentialKey },
  /** What signed: a key the platform holds, or the UKey the credential is bound to (decision 0123). */
  signedWith: 'platform-key' | 'ukey' = 'platform-key',
): Promise<DomainError> {
  const [seal, credential] = await Promise.all([loadSeal(store, authorization.seal.sealId), store.credentials.get(authorization.credential, { consistent: true })]);
  if (!canSign(seal.state)) return new DomainError(refusalFor(seal.state));
  if (credential?.state !== 'active') return new DomainError('CREDENTIAL_INACTIVE');
  if (signedWith === 'platform-key' && credential.medium === 'ukey') return new DomainError('UKEY_BOUND');
  if (signedWith === 'ukey' && credential.medium !== 'ukey') return new DomainError('UKEY_NOT_BOUND');
  return new DomainError('CONFLICT');
}
