import { DomainError, authorize, canSign, type Actor } from '@seal/shared';
import { loadActor } from '../identity/load-actor';
import { checkPin } from '../credential/check-pin';
import { liveCredentialOf, type CredentialItem } from '../credential/find-credential';
import { platformPki } from '../platform-pki/platform-ca';
import type { Signer } from '../../ports/signer';
import { refusalFor } from './transition-seal';
import type { Ports } from '../../ports';
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
 * The person's credential is read once, by holder (decision 0141), and checked again by key after the unwrap.
 *
 * Timeline it protects:
 *   gate reads seal v7 active ─ PIN ok ─ key unwrapped ─ re-reads seal: still v7 active? ─ sign
 *                        freeze commits v8 frozen ──┘            → no: SEAL_FROZEN, signer dropped
 * A freeze that commits before the request starts is seen by the first read; one that lands while
 * the gate runs is seen by the re-read. (A freeze after the gate returned is after this request.)
 */
export async function authorizeSignature(
  services: Ports,
  request: { personId: string; sealId: string; now: Date; actor?: Actor } & SignatureProof,
  overrides: Partial<LifecycleDeps> = {},
): Promise<SignatureAuthorization> {
  const deps = lifecycleDeps(services, overrides);
  const { store } = services;
  // The caller's actor when it has one (the request's, read fresh at its start), else read now.
  const [actor, seal] = await Promise.all([request.actor ?? loadActor(store, request.personId), loadSeal(store, request.sealId)]);
  const decision = authorize(actor, 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] });
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');
  if (!canSign(seal.state)) throw new DomainError(refusalFor(seal.state));
  const live = await liveCredentialOf(store, { sealId: seal.sealId, personId: request.personId });
  // A seal bound to a UKey signs only with the token's key (decision 0121): refused before a PIN is counted.
  if (live.medium === 'ukey') throw new DomainError('UKEY_BOUND');
  const credential =
    'pin' in request
      ? await checkPin(services, { sealId: seal.sealId, personId: request.personId, pin: request.pin, now: request.now, credential: live })
      : approvedCredential(live, request.approvedCredentialId);
  if (new Date(credential.notAfter) < request.now) throw new DomainError('SEAL_EXPIRED');
  if (new Date(credential.notBefore) > request.now) throw new DomainError('CREDENTIAL_INACTIVE');
  const [signer, pki] = await Promise.all([deps.custody.signerFor(keyRecordOf(credential), keyContextOf(credential)), platformPki(services)]);

  const [after, latest] = await Promise.all([loadSeal(store, seal.sealId), store.credentials.get(credential, { consistent: true })]);
  if (after.version !== seal.version || !canSign(after.state)) throw new DomainError(canSign(after.state) ? 'CONFLICT' : refusalFor(after.state));
  if (latest?.state !== 'active') throw new DomainError('CREDENTIAL_INACTIVE');
  if (latest.medium === 'ukey') throw new DomainError('UKEY_BOUND');
  // The holder index answered with an older version (a PIN change, lock or renewal since): not this one.
  if (latest.version !== credential.version) throw new DomainError('CONFLICT');
  return { seal: after, as: decision.as, credential, signer, certificateChain: [certificateDer(credential), pki.root] };
}
