import { DomainError, documentDto } from '@seal/shared';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { refusalSinceAuthorized, stillAsAuthorized, type SignatureAuthorization } from '../seal/authorize-signature';
import { platformTimestamper, timestampImprint } from '../platform-pki/timestamp';
import type { Ports } from '../../ports';
import type { CompanyRecord, WriteOp } from '../../ports/seal-store';
import type { HashedBytes } from '../../ports/blob-store';
import type { DocumentSigner, DocumentSigning } from '../../ports/document-format';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { deleteObject, presignDownload, writeObject } from './document-blobs';
import { documentKeys, signedName } from './document-keys';
import { readCurrentBytes, sha256Continued, sha256Hex, type DocumentItem } from './load-document';
import { sealDrawingOf } from './seal-drawing';
import { certificationView } from './certification-view';
import { signWithKey } from './sign-with-key';
import { validationDataFor, type ValidationRecords } from './validation-data';
import { sealAlgorithmOf } from '../seal/views';
import { storedSealData } from '../seal/seal-data';
import { archiveFields } from './archive-timestamp';

export interface SignItem {
  document: DocumentItem;
  placements: documentDto.SealPlacement[];
  crossPage?: boolean;
  /** Certify the document with this signature (only its first; decision 0106). */
  certify?: documentDto.Certify;
}

export interface SigningContext {
  /** What the signing gate returned: the seal, the credential, the key for this request, the chain. */
  authorization: SignatureAuthorization;
  personId: string;
  /** The role the signer acts in (permission matrix), for the audit event. */
  actorRole: string;
  now: Date;
  /** Writes that commit with the signed version or not at all (a signing batch's item, decision 0165). */
  alongside?: WriteOp[];
}

/** A signed version as recorded: what a signing returns, and what a retry of it gets back (plain data). */
export type SignedVersion = Pick<
  DocumentItem,
  'documentId' | 'name' | 'objectKey' | 'version' | 'state' | 'pages' | 'signatures' | 'size' | 'sha256' | 'certificationLevel'
>;

/**
 * Signs one document with an already-authorized seal (the gate ran: grant, seal state, PIN):
 * visible seal + PAdES B-T with the platform TSA (B-LT by default: SIGNATURE_LEVEL), as an incremental update of the current version,
 * in the format the file is (DocumentFormat port), stored as a new version. The record moves
 * v(n) → v(n+1) in the same transaction as the audit event, conditional on v(n):
 *
 *   A reads v1 ─ signs ─ writes object a ─ record v1→v2 ✓
 *   B reads v1 ─ signs ─ writes object b ─ record v1→v2 ✗ → CONFLICT, object b deleted
 * B's signature is lost, never A's: no version is ever overwritten in storage. (A retry of A with
 * A's request id never gets here: the idempotency record answers it with A's version, decision 0047.)
 */
export async function signNewVersion(
  services: Ports & DocumentSigning,
  context: SigningContext,
  item: SignItem,
): Promise<SignedVersion> {
  const { seal, signer, certificateChain, company, validation } = context.authorization;
  const { format, bytes, read, request, certificate } = await signatureRequest(services, seal, certificateChain, item, context.now, company);
  const tsa = platformTimestamper(services);
  const signedBT = await signWithKey(format, bytes, request, signer, tsa.timestamp);
  const signed = await raiseLevel(services, format, signedBT, certificateChain, validation, tsa.timestampedBy());
  const authorized = { seal, personId: context.personId, actorRole: context.actorRole, now: context.now, certificate, alongside: context.alongside };
  try {
    return await storeSignedVersion(services, { ...authorized, conditions: stillAsAuthorized(services.store, context.authorization) }, item, signed, read);
  } catch (error) {
    // The seal or the credential changed since the gate (or the document did): say which.
    if (error instanceof DomainError && error.code === 'CONFLICT') throw await refusalSinceAuthorized(services.store, context.authorization);
    throw error;
  }
}

/**
 * What every signing of one document asks its format for (visible seal, reason, location), with
 * the document's current bytes: shared by server-held keys and the UKey's two phases.
 */
export async function signatureRequest(
  services: Ports & DocumentSigning,
  seal: SignatureAuthorization['seal'],
  certificateChain: Uint8Array[],
  item: SignItem,
  now: Date,
  /** The seal's company when the gate read it with the seal (decision 0205). */
  known?: CompanyRecord,
) {
  const company = known ?? (await services.store.companies.get(seal.companyId));
  if (!company) throw new DomainError('COMPANY_NOT_FOUND');
  const certificate = readSealCertificate(certificateChain[0]!);
  const read = await readCurrentBytes(services, item.document);
  const { bytes } = read;
  const format = services.documentSigners.of(bytes);
  if (format.signatureAlgorithms && !format.signatureAlgorithms.includes(sealAlgorithmOf(seal))) throw new DomainError('OFD_SEAL_NOT_SM2');
  const request = {
    bytesSha256: read.sha256,
    placements: item.placements,
    crossPage: item.crossPage,
    appearance: sealDrawingOf(company, seal),
    signer: { certificateChain, name: certificate.holderName },
    signingTime: now,
    // An OFD seal signature embeds the seal (GB/T 38540): the 印章数据 made at the claim (decision 0077).
    ...(format.embedsSealData ? { sealData: await sealDataFor(services, seal) } : {}),
    reason: `${company.name} ${seal.name}`,
    location: '深圳',
    ...(item.certify ? { certify: item.certify } : {}),
  };
  return { format, bytes, read, request, certificate };
}

async function sealDataFor(services: Ports, seal: SignatureAuthorization['seal']): Promise<Uint8Array> {
  if (!seal.sealData) throw new DomainError('SEAL_DATA_MISSING');
  return storedSealData(services, seal.sealId, seal.sealData);
}

/**
 * Stores signed bytes as the document's next version, with the 用印记录 and the audit event, in
 * one transaction conditional on the version that was signed.
 */
export async function storeSignedVersion(
  services: Ports & DocumentSigning,
  context: Pick<SigningContext, 'personId' | 'actorRole' | 'now' | 'alongside'> & {
    seal: Pick<SignatureAuthorization['seal'], 'sealId' | 'companyId'>;
    certificate: ReturnType<typeof readSealCertificate>;
    /** Condition checks the commit carries besides the document's version (the gate's, decision 0161). */
    conditions?: readonly WriteOp[];
  },
  item: SignItem,
  signed: Uint8Array,
  /** The bytes that were signed, as read with their running hash: the signed file's hash continues it. */
  read?: HashedBytes,
): Promise<SignedVersion> {
  const { document } = item;
  const { seal, certificate } = context;
  const format = services.documentSigners.of(signed);
  const facts = await format.describe(signed);
  const version = document.version + 1;
  const objectKey = documentKeys.signed(document.documentId, version);
  const sha256 = read ? sha256Continued(read, signed) : sha256Hex(signed);
  const certified = facts.certificationLevel ? { certificationLevel: facts.certificationLevel } : {};
  // A format that can take a document timestamp later (PDF) joins the archive job's days (decision 0171).
  const archive = format.addDocumentTimestamp ? await archiveFields(services, seal.companyId) : {};
  await writeObject(services, objectKey, signed);

  const signedAt = context.now.toISOString();
  const after: SignedVersion = {
    documentId: document.documentId,
    name: document.name,
    objectKey,
    version,
    size: signed.length,
    sha256,
    pages: facts.pages,
    signatures: facts.signatures,
    state: 'signed',
    ...certified,
  };
  try {
    await services.store.commitWithAudit(
      {
        companyId: seal.companyId,
        actorId: context.personId,
        actorRole: context.actorRole,
        action: 'seal.sign',
        subject: seal.sealId,
        after: {
          documentId: document.documentId,
          version,
          sha256,
          signatures: facts.signatures,
          crossPage: !!item.crossPage,
          ...(item.certify ? { certifiedLevel: item.certify.level } : {}),
        },
      },
      [
        services.store.documents.recordSignedVersion(document, {
          objectKey,
          version,
          size: signed.length,
          sha256,
          pages: facts.pages,
          signatures: facts.signatures,
          signedAt,
          ...certified,
          ...archive,
        }),
        // 用印记录: written with the version it records, so one exists exactly when the other does.
        services.store.signingRecords.add({
          sealId: seal.sealId,
          recordId: signingRecordId(signedAt, document.documentId, version),
          companyId: seal.companyId,
          documentId: document.documentId,
          documentName: document.name,
          version,
          objectKey,
          sha256,
          pages: facts.pages,
          signedAt,
          signerId: context.personId,
          signerName: certificate.holderName ?? '—',
          signerRole: context.actorRole,
          certificateSerial: certificate.serialNumber,
        }),
        ...(context.conditions ?? []),
        ...(context.alongside ?? []),
      ],
      context.now,
    );
  } catch (error) {
    await deleteObject(services, objectKey);
    throw error;
  }
  return after;
}

/** Sorts by signing time (newest first when read backwards); unique per document version. */
export function signingRecordId(signedAt: string, documentId: string, version: number): string {
  return `${signedAt.replace(/[-:.TZ]/g, '')}_${documentId}_${version}`;
}

/**
 * The deployment's PAdES level beyond B-T (SIGNATURE_LEVEL, decision 0111): B-LT puts the evidence
 * that the signature was valid when made into the document (DSS); B-LTA timestamps all of it.
 * OFD keeps the evidence beside its signature and has no document timestamp (decision 0195).
 */
export async function raiseLevel(
  services: Ports,
  format: DocumentSigner,
  signed: Uint8Array,
  certificateChain: Uint8Array[],
  known?: ValidationRecords,
  timestampedBy?: SignatureAlgorithmId,
): Promise<Uint8Array> {
  const level = services.config.SIGNATURE_LEVEL;
  if (level === 'B-T' || !format.addValidationData) return signed;
  const lt = await format.addValidationData(signed, await validationDataFor(services, certificateChain, known, timestampedBy));
  if (level !== 'B-LTA' || !format.addDocumentTimestamp) return lt;
  return format.addDocumentTimestamp(lt, (imprint) => timestampImprint(services, imprint));
}

/** `signNewVersion`, answered as the API shows a signed document. */
export async function signAuthorizedDocument(
  services: Ports & DocumentSigning,
  context: SigningContext,
  item: SignItem,
): Promise<documentDto.SignedDocument> {
  return signedView(services, await signNewVersion(services, context, item), context.now);
}

export async function signedView(services: Ports, document: SignedVersion, now: Date): Promise<documentDto.SignedDocument> {
  if (document.state !== 'signed') throw new DomainError('CONFLICT');
  return {
    documentId: document.documentId,
    version: document.version,
    pages: document.pages ?? 0,
    signatures: document.signatures ?? 0,
    size: document.size ?? 0,
    sha256: document.sha256 ?? '',
    certification: certificationView(document.certificationLevel),
    ...(await presignDownload(services, document.objectKey, signedName(document.name), now)),
  };
}
