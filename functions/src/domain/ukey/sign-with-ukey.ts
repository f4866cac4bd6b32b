import { randomUUID } from 'node:crypto';
import { DomainError, authorize, canSign, type documentDto } from '@seal/shared';
import { loadActor } from '../identity/load-actor';
import { liveCredentialOf } from '../credential/find-credential';
import { platformPki } from '../platform-pki/platform-ca';
import { timestampImprint } from '../platform-pki/timestamp';
import { refusalFor } from '../seal/transition-seal';
import { loadSeal } from '../seal/load-seal';
import { signerRole } from '../document/sign-document';
import { loadOwnedDocument, readCurrentBytes } from '../document/load-document';
import { raiseLevel, signatureRequest, signedView, storeSignedVersion, type SignItem } from '../document/sign-authorized';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import type { Ports } from '../../ports';
import type { DocumentSigning, PreparedSignature } from '../../ports/document-format';

/** How long the desktop has between the digest and the token's signature (password typed, token signs). */
export const UKEY_SIGNING_SECONDS = 5 * 60;
/** The UKey's P-256 key (decision 0121); SM2 tokens come later (decision 0122). */
const UKEY_ALGORITHM = 'ecdsa-p256-sha256';

const pendingKey = (signingId: string) => `ukey-signing/${signingId}.json`;

/** A prepared signing, kept in the documents bucket (private to the platform) until completed or expired. */
interface PendingUkeySigning {
  signingId: string;
  personId: string;
  sealId: string;
  documentId: string;
  documentVersion: number;
  /** The UKey certificate it was prepared for: completing needs the seal still bound to it. */
  certificateSerial: string;
  expiresAt: string;
  item: Omit<SignItem, 'document'>;
  prepared: PreparedSignature;
}

/**
 * The gate for a UKey signing: the person is read fresh and may sign with the seal, the seal signs
 * in its state, and its credential is on a UKey (the `ukey` record the binding wrote), valid now.
 * No PIN: the UKey password is checked by the token itself when it signs.
 */
async function ukeyGate(services: Ports, request: { personId: string; sealId: string; now: Date }) {
  const { store } = services;
  const [actor, seal] = await Promise.all([loadActor(store, request.personId), loadSeal(store, request.sealId)]);
  if (!authorize(actor, 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] }).allowed) throw new DomainError('NOT_AUTHORIZED');
  if (!canSign(seal.state)) throw new DomainError(refusalFor(seal.state));
  const credential = await liveCredentialOf(store, { sealId: seal.sealId, personId: request.personId });
  if (credential.medium !== 'ukey' || !credential.ukey) throw new DomainError('UKEY_NOT_BOUND');
  if (new Date(credential.ukey.notAfter) < request.now) throw new DomainError('SEAL_EXPIRED');
  if (new Date(credential.ukey.notBefore) > request.now) throw new DomainError('CREDENTIAL_INACTIVE');
  return { seal, ukey: credential.ukey };
}

/**
 * UKey签章, phase one (guide 五.3; decision 0123): checks the gate, prepares the signed version
 * (visible seal, the UKey certificate in the chain) and answers what the token must sign. The
 * prepared signing is bound to the caller, the document version and the UKey certificate, and
 * expires after UKEY_SIGNING_SECONDS.
 */
export async function prepareUkeySigning(
  services: Ports & DocumentSigning,
  request: { personId: string; documentId: string; sealId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean; now: Date },
): Promise<documentDto.UkeySignPrepared> {
  const document = await loadOwnedDocument(services, request.documentId, request.personId);
  const { seal, ukey } = await ukeyGate(services, request);
  const pki = await platformPki(services);
  const certificateChain = [new Uint8Array(Buffer.from(ukey.certificate, 'base64')), pki.root];
  const item = { placements: request.placements, ...(request.crossPage ? { crossPage: true } : {}) };
  const { format, bytes, request: signature } = await signatureRequest(services, seal, certificateChain, { document, ...item }, request.now);
  const prepared = await format.prepare(bytes, { ...signature, signer: { ...signature.signer, algorithm: UKEY_ALGORITHM } });
  const pending: PendingUkeySigning = {
    signingId: `uks-${randomUUID()}`,
    personId: request.personId,
    sealId: seal.sealId,
    documentId: document.documentId,
    documentVersion: document.version,
    certificateSerial: ukey.serial,
    expiresAt: new Date(request.now.getTime() + UKEY_SIGNING_SECONDS * 1000).toISOString(),
    item,
    prepared,
  };
  await services.blobs.put(pendingKey(pending.signingId), Buffer.from(encode(pending)), { contentType: 'application/json' });
  return {
    signingId: pending.signingId,
    digest: Buffer.from(prepared.digestToSign).toString('base64'),
    ukeySerial: ukey.tokenSerial,
    keyId: ukey.keyId,
    expiresAt: pending.expiresAt,
  };
}

/**
 * UKey签章, phase two: the token's signature over the digest. Refused unless the signing is the
 * caller's, for this document, unexpired, the seal still bound to the same UKey certificate and
 * the value verifies against it (UKEY_SIGNATURE_INVALID, nothing stored); then timestamped, spent
 * once (a conditional write: a second completion is UKEY_SIGNING_USED) and stored as the next
 * version with its 用印记录 and audit event.
 */
export async function completeUkeySigning(
  services: Ports & DocumentSigning,
  request: { personId: string; documentId: string; signingId: string; signature: string; now: Date },
): Promise<documentDto.SignedDocument> {
  const raw = /^uks-[0-9a-f-]{36}$/.test(request.signingId) ? await services.blobs.get(pendingKey(request.signingId)) : undefined;
  const pending = raw ? decode<PendingUkeySigning>(Buffer.from(raw).toString('utf8')) : undefined;
  // Another person's signing answers as a missing one: no oracle for ids.
  if (!pending || pending.personId !== request.personId || pending.documentId !== request.documentId) throw new DomainError('UKEY_SIGNING_NOT_FOUND');
  if (new Date(pending.expiresAt) <= request.now) throw new DomainError('UKEY_SIGNING_EXPIRED');
  const document = await loadOwnedDocument(services, pending.documentId, request.personId);
  if (document.version !== pending.documentVersion) throw new DomainError('CONFLICT');
  const { seal, ukey } = await ukeyGate(services, { personId: request.personId, sealId: pending.sealId, now: request.now });
  if (ukey.serial !== pending.certificateSerial) throw new DomainError('UKEY_NOT_BOUND');

  // The version prepared is still current: its bytes name the format that completes it.
  const format = services.documentSigners.of((await readCurrentBytes(services, document)).bytes);
  const signedBT = await format.complete(pending.prepared, new Uint8Array(Buffer.from(request.signature, 'base64')), (imprint, algorithm) =>
    timestampImprint(services, imprint, algorithm),
  );
  const first = await services.store.nonces.remember({
    scope: 'ukey-signing',
    value: pending.signingId,
    seenAt: request.now.toISOString(),
    ttl: Math.floor(new Date(pending.expiresAt).getTime() / 1000) + 24 * 3600,
  });
  if (!first) throw new DomainError('UKEY_SIGNING_USED');
  // The deployment's level beyond B-T (decision 0111), as for every other signature.
  const chain = [new Uint8Array(Buffer.from(ukey.certificate, 'base64')), (await platformPki(services)).root];
  const signed = await raiseLevel(services, format, signedBT, chain);
  const stored = await storeSignedVersion(
    services,
    {
      seal,
      personId: request.personId,
      actorRole: await signerRole(services, request.personId, seal),
      now: request.now,
      certificate: readSealCertificate(Buffer.from(ukey.certificate, 'base64')),
    },
    { document, ...pending.item },
    signed,
  );
  await services.blobs.delete(pendingKey(pending.signingId)).catch(() => undefined);
  return signedView(services, stored, request.now);
}

/** JSON that keeps the prepared state's bytes and dates (the format's state is plain data: decision 0046). */
function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
    const original = this[key];
    if (original instanceof Uint8Array) return { $bytes: Buffer.from(original).toString('base64') };
    if (original instanceof Date) return { $date: original.toISOString() };
    return v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && '$bytes' in v) return new Uint8Array(Buffer.from(String((v as { $bytes: string }).$bytes), 'base64'));
    if (v && typeof v === 'object' && '$date' in v) return new Date(String((v as { $date: string }).$date));
    return v;
  }) as T;
}
