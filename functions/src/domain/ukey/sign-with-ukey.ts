import { randomUUID } from 'node:crypto';
import { DomainError, authorize, type documentDto } from '@seal/shared';
import { loadStanding, type Standing } from '../identity/load-actor';
import { openSigningGate, refusalSinceAuthorized, stillAsAuthorized, type VersionedCredential, type VersionedSeal } from '../seal/authorize-signature';
import { platformPki } from '../platform-pki/platform-ca';
import { platformTimestamper } from '../platform-pki/timestamp';
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
  /** The seal and the credential as the gate let them sign: the commit holds both to these versions (decision 0205). */
  seal: VersionedSeal;
  credential: VersionedCredential;
  /** The UKey certificate it was prepared for, DER base64. */
  certificate: string;
  expiresAt: string;
  item: Omit<SignItem, 'document'>;
  prepared: PreparedSignature;
}

/**
 * The gate for a UKey signing: the signing gate's opening (the request's standing, the seal in its
 * state, the person's live credential), and the credential is on a UKey (the `ukey` record the
 * binding wrote), valid now. No PIN: the UKey password is checked by the token itself when it signs.
 */
async function ukeyGate(services: Ports, request: { personId: string; sealId: string; now: Date; standing?: Standing }) {
  const { seal, live: credential, company } = await openSigningGate(services, request);
  if (credential.medium !== 'ukey' || !credential.ukey) throw new DomainError('UKEY_NOT_BOUND');
  if (new Date(credential.ukey.notAfter) < request.now) throw new DomainError('SEAL_EXPIRED');
  if (new Date(credential.ukey.notBefore) > request.now) throw new DomainError('CREDENTIAL_INACTIVE');
  return { seal, credential, ukey: credential.ukey, company };
}

/**
 * UKey签章, phase one (guide 五.3; decision 0123): checks the gate, prepares the signed version
 * (visible seal, the UKey certificate in the chain) and answers what the token must sign. The
 * prepared signing is bound to the caller, the document version and the UKey certificate, and
 * expires after UKEY_SIGNING_SECONDS.
 */
export async function prepareUkeySigning(
  services: Ports & DocumentSigning,
  request: { personId: string; documentId: string; sealId: string; placements: documentDto.SealPlacement[]; crossPage?: boolean; now: Date; standing?: Standing },
): Promise<documentDto.UkeySignPrepared> {
  const document = await loadOwnedDocument(services, request.documentId, request.personId);
  const { seal, credential, ukey, company } = await ukeyGate(services, request);
  const pki = await platformPki(services);
  const certificateChain = [new Uint8Array(Buffer.from(ukey.certificate, 'base64')), pki.root];
  const item = { placements: request.placements, ...(request.crossPage ? { crossPage: true } : {}) };
  const { format, bytes, request: signature } = await signatureRequest(services, seal, certificateChain, { document, ...item }, request.now, company);
  const prepared = await format.prepare(bytes, { ...signature, signer: { ...signature.signer, algorithm: UKEY_ALGORITHM } });
  const pending: PendingUkeySigning = {
    signingId: `uks-${randomUUID()}`,
    personId: request.personId,
    sealId: seal.sealId,
    documentId: document.documentId,
    documentVersion: document.version,
    seal: { sealId: seal.sealId, companyId: seal.companyId, version: seal.version },
    credential: { sealId: credential.sealId, credentialId: credential.credentialId, version: credential.version },
    certificate: ukey.certificate,
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
 * caller's, for this document, unexpired, the caller may still sign with the seal (their standing,
 * read fresh) and the value verifies against the UKey certificate (UKEY_SIGNATURE_INVALID, nothing
 * stored); then timestamped, spent once (a conditional write: a second completion is
 * UKEY_SIGNING_USED) and stored as the next version with its 用印记录 and audit event. Like every
 * signature (decision 0161), the commit holds the seal and the credential to the versions the gate
 * read when the signing was prepared: a freeze, a revocation or an unbinding since then fails it,
 * and the answer says which (SEAL_FROZEN, UKEY_NOT_BOUND...).
 */
export async function completeUkeySigning(
  services: Ports & DocumentSigning,
  request: { personId: string; documentId: string; signingId: string; signature: string; now: Date; standing?: Standing },
): Promise<documentDto.SignedDocument> {
  const raw = /^uks-[0-9a-f-]{36}$/.test(request.signingId) ? await services.blobs.get(pendingKey(request.signingId)) : undefined;
  const pending = raw ? decode<PendingUkeySigning>(Buffer.from(raw).toString('utf8')) : undefined;
  // Another person's signing answers as a missing one: no oracle for ids.
  if (!pending || pending.personId !== request.personId || pending.documentId !== request.documentId) throw new DomainError('UKEY_SIGNING_NOT_FOUND');
  // One prepared before the versions were recorded (decision 0205) is, at most five minutes later, as good as expired.
  if (new Date(pending.expiresAt) <= request.now || !pending.seal) throw new DomainError('UKEY_SIGNING_EXPIRED');
  const { seal } = pending;
  const [document, standing] = await Promise.all([
    loadOwnedDocument(services, pending.documentId, request.personId),
    request.standing ?? loadStanding(services.store, request.personId),
  ]);
  if (document.version !== pending.documentVersion) throw new DomainError('CONFLICT');
  // A grant cancelled since the signing was prepared stops it.
  const decision = authorize(standing.actor, 'seal.sign', { companyId: seal.companyId, sealIds: [seal.sealId] });
  if (!decision.allowed) throw new DomainError('NOT_AUTHORIZED');

  // The version prepared is still current: its bytes name the format that completes it.
  const format = services.documentSigners.of((await readCurrentBytes(services, document)).bytes);
  const tsa = platformTimestamper(services);
  const signedBT = await format.complete(pending.prepared, new Uint8Array(Buffer.from(request.signature, 'base64')), tsa.timestamp);
  const first = await services.store.nonces.remember({
    scope: 'ukey-signing',
    value: pending.signingId,
    seenAt: request.now.toISOString(),
    ttl: Math.floor(new Date(pending.expiresAt).getTime() / 1000) + 24 * 3600,
  });
  if (!first) throw new DomainError('UKEY_SIGNING_USED');
  // The deployment's level beyond B-T (decision 0111), as for every other signature.
  const ukeyCertificate = new Uint8Array(Buffer.from(pending.certificate, 'base64'));
  const chain = [ukeyCertificate, (await platformPki(services)).root];
  const signed = await raiseLevel(services, format, signedBT, chain, undefined, tsa.timestampedBy());
  let stored;
  try {
    stored = await storeSignedVersion(
      services,
      {
        seal,
        personId: request.personId,
        actorRole: decision.as,
        now: request.now,
        certificate: readSealCertificate(ukeyCertificate),
        conditions: stillAsAuthorized(services.store, pending),
      },
      { document, ...pending.item },
      signed,
    );
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') throw await refusalSinceAuthorized(services.store, pending, 'ukey');
    throw error;
  }
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
