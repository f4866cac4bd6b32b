import { DomainError, authorize, canSign } from '@seal/shared';
import { loadActor } from '../identity/load-actor';
import { checkPin } from '../credential/check-pin';
import { liveCredentialOf, type CredentialItem } from '../credential/find-credential';
import { platformPki } from '../platform-pki/platform-ca';
import type { Signer } from '../../ports/signer';
import { refusalFor } from './transition-seal';
import type { Ports, SealStore } from '../../ports';
import { lifecycleDeps, type LifecycleDeps } from './deps';
import { loadSeal } from './load-seal';
import { certificateDer, keyContextOf, keyRecordOf, type SealItem } from './views';

export interface SignatureAuthorization {
  seal: SealItem;
  credential: CredentialItem;
  /** Use for this one signing request, then drop it. */
  signer: Signer;
  /** DER: the credential's certificate, then the platform root. */
  certificateChain: Uint8Array[];
}

/**
 * How the signer proved it is them: the PIN typed now, or (desktop signing, decision 0018) the
 * credential whose PIN the phone checked when it approved the `sign` challenge just consumed.
 */
export type SignatureProof = { pin: string } | { approvedCredentialId: string };

/** The approved credential, still the person's and active now (a PIN reset or a lockout since refuses). */
async function approvedCredential(store: SealStore, query: { sealId: string; personId: string; credentialId: string }) {
  const credential = await liveCredentialOf(store, query);
  if (credential.state === 'locked') throw new DomainError('PIN_LOCKED');
  return credential;
}

/**
 * The gate every signature passes (文件签章, 在线签章): who is asking is read fresh (a cancelled
 * grant stops them at once), the permission matrix allows `seal.sign`, the seal is in a state that
 * signs (not frozen, revoked, expired, unclaimed), the PIN is right (wrong ones count towards the
 * lockout) or was approved on the phone, the certificate is within its validity, and only then is the key unwrapped.
 *
 * Timeline it protects:
 *   gate reads seal v7 active ─ PIN ok ─ key unwrapped ─ re-reads seal: still v7 active? ─ sign
 *                        freeze commits v8 frozen ──┘            → no: SEAL_FROZEN, signer dropped
 * A freeze that commits before the request starts is seen by the first read; one that lands while
 * the gate runs is seen by the re-read. (A freeze after the gate returned is after this request.)
 */
export async function authorizeSignature(
  services: Ports,
  request: { personId: string; sealId: string; now: Date } & SignatureProof,
  overrides: Partial<LifecycleDeps> = {},
): Promise<SignatureAuthorization> {
  const deps = lifecycleDeps(services, overrides);
  const { store } = services;
  const [actor, seal] = await Promise.all([loadActor(store, request.personId), loadSeal(store, request.sealId)]);
  if (!authorize(actor, 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed) throw new DomainError('NOT_AUTHORIZED');
  if (!canSign(seal.state)) throw new DomainError(refusalFor(seal.state));
  // A seal bound to a UKey signs only with the token's key (decision 0121): refused before a PIN is counted.
  if ((await liveCredentialOf(store, { sealId: seal.sealId, personId: request.personId })).medium === 'ukey') throw new DomainError('UKEY_BOUND');
  const credential =
    'pin' in request
      ? await checkPin(services, { sealId: seal.sealId, personId: request.personId, pin: request.pin, now: request.now })
      : await approvedCredential(store, { sealId: seal.sealId, personId: request.personId, credentialId: request.approvedCredentialId });
  if (new Date(credential.notAfter) < request.now) throw new DomainError('SEAL_EXPIRED');
  if (new Date(credential.notBefore) > request.now) throw new DomainError('CREDENTIAL_INACTIVE');
  const [signer, pki] = await Promise.all([deps.custody.signerFor(keyRecordOf(credential), keyContextOf(credential)), platformPki(services)]);

  const [after, latest] = await Promise.all([loadSeal(store, seal.sealId), store.credentials.get(credential, { consistent: true })]);
  if (after.version !== seal.version || !canSign(after.state)) throw new DomainError(canSign(after.state) ? 'CONFLICT' : refusalFor(after.state));
  if (latest?.state !== 'active') throw new DomainError('CREDENTIAL_INACTIVE');
  if (latest.medium === 'ukey') throw new DomainError('UKEY_BOUND');
  return { seal: after, credential, signer, certificateChain: [certificateDer(credential), pki.root] };
}
