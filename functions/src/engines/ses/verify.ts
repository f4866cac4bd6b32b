import { createHash } from 'node:crypto';
import { AsnConvert, AsnObjectIdentifierConverter, OctetString } from '@peculiar/asn1-schema';
import { DEFAULT_SM2_DISTINGUISHING_ID, OID_SM2_WITH_SM3, OID_SM3, sm2PublicKeyFromSpki, sm3, verifySm2 } from '../gm';
import { certificateFacts, type CertificateFacts } from './certificate';
import { encodeSequence } from '../pki/der';
import { readSeal, readSesSignature, type Seal, type SesSignature } from './read';

/** A signature check's outcome: a code, never a sentence (the edge words it from shared/). */
export type SignatureOutcome = 'valid' | 'invalid' | 'unsupported-algorithm' | 'unreadable-certificate';
/** Where a moment falls in a validity period. */
export type ValidityOutcome = 'within' | 'not-yet-valid' | 'expired';

export interface SealCheck {
  seal: Seal;
  makerCertificate?: CertificateFacts;
  /** The seal maker's (制章者) signature over the seal. */
  makerSignature: SignatureOutcome;
  /**
   * What the maker's signature turned out to cover. v4 writers (ofdrw, and the platform) sign the
   * DER of SES_SealInfo; the v1 text, and a literal reading of the v4 text, sign
   * SEQUENCE { sealInfo, cert, signAlgID }. Both are accepted; the report says which.
   */
  makerSignedOver?: 'seal-info' | 'seal-info-cert-algorithm';
  /** The seal's own validity period (validStart … validEnd) at the time asked about. */
  validity: ValidityOutcome;
}

export interface SesSignatureCheck {
  signature: SesSignature;
  signerCertificate?: CertificateFacts;
  /** dataHash against SM3 of the data it claims to hash (in OFD, the Signature.xml file). */
  dataHash: 'match' | 'mismatch';
  /** The signer's SM2 signature over TBS_Sign. */
  signatureValue: SignatureOutcome;
  /** The signer's certificate is one the seal lists (GB/T 38540 7.3: 签章者证书与电子印章的匹配性). */
  signerListedInSeal: boolean;
  /** The signer's certificate validity at the signing time (timeInfo), when both are known. */
  signerCertificateValidity?: ValidityOutcome;
  /** The embedded seal, checked at the signing time. */
  seal: SealCheck;
}

export interface SesCheckOptions {
  /** The distinguishing ID the SM2 signatures were made with; GB/T 35276's default unless a platform says otherwise. */
  distinguishingId?: string;
  /** When to check validity periods; for a signature, its own timeInfo wins when present. */
  at?: Date;
}

/** Checks a seal (印章数据): the maker's signature and the validity period. */
export function checkSeal(sealOrDer: Seal | Uint8Array, options: SesCheckOptions = {}): SealCheck {
  const seal = sealOrDer instanceof Uint8Array ? readSeal(sealOrDer) : sealOrDer;
  const distinguishingId = options.distinguishingId ?? DEFAULT_SM2_DISTINGUISHING_ID;
  const makerCertificate = certificateFacts(seal.makerCertificate);
  const validity = within(options.at ?? new Date(), seal.validStart, seal.validEnd);
  if (!makerCertificate) return { seal, makerSignature: 'unreadable-certificate', validity };
  const candidates: [NonNullable<SealCheck['makerSignedOver']>, Uint8Array][] =
    seal.version === 1
      ? [['seal-info-cert-algorithm', seal.makerSignedBytes]]
      : [
          ['seal-info', seal.makerSignedBytes],
          ['seal-info-cert-algorithm', encodeSequence([seal.sealInfoDer, der(new OctetString(seal.makerCertificate)), oidDer(seal.makerSignatureAlgorithm)])],
        ];
  for (const [over, bytes] of candidates) {
    const outcome = sm2Check(seal.makerSignatureAlgorithm, makerCertificate, bytes, seal.makerSignature, distinguishingId);
    if (outcome !== 'invalid') return { seal, makerCertificate, makerSignature: outcome, ...(outcome === 'valid' ? { makerSignedOver: over } : {}), validity };
  }
  return { seal, makerCertificate, makerSignature: 'invalid', validity };
}

/**
 * Checks a seal signature (签章数据) as GB/T 38540 §8.3 lists: the signature over TBS_Sign, the
 * data hash, the signer being one the seal names, the seal's own signature and validity at the
 * signing time. Certificate chains and revocation are left to the PKI (the report carries the
 * certificates).
 */
export function checkSesSignature(signatureOrDer: SesSignature | Uint8Array, signedData: Uint8Array, options: SesCheckOptions = {}): SesSignatureCheck {
  const signature = signatureOrDer instanceof Uint8Array ? readSesSignature(signatureOrDer) : signatureOrDer;
  const distinguishingId = options.distinguishingId ?? DEFAULT_SM2_DISTINGUISHING_ID;
  const at = signature.timeInfo ?? options.at ?? new Date();
  const signerCertificate = certificateFacts(signature.signerCertificate);
  const dataHash = Buffer.compare(sm3(signedData), signature.dataHash) === 0 ? 'match' : 'mismatch';
  const signatureValue = signerCertificate
    ? sm2Check(signature.signatureAlgorithm, signerCertificate, signature.toBeSigned, signature.signature, distinguishingId)
    : 'unreadable-certificate';
  return {
    signature,
    ...(signerCertificate ? { signerCertificate, signerCertificateValidity: within(at, signerCertificate.notBefore, signerCertificate.notAfter) } : {}),
    dataHash,
    signatureValue,
    signerListedInSeal: listedInSeal(signature.seal, signature.signerCertificate),
    seal: checkSeal(signature.seal, { distinguishingId, at }),
  };
}

function sm2Check(algorithm: string, certificate: CertificateFacts, message: Uint8Array, signature: Uint8Array, distinguishingId: string): SignatureOutcome {
  if (algorithm !== OID_SM2_WITH_SM3) return 'unsupported-algorithm';
  let publicKey: Uint8Array;
  try {
    publicKey = sm2PublicKeyFromSpki(certificate.spki);
  } catch {
    return 'unsupported-algorithm';
  }
  return verifySm2(publicKey, message, signature, distinguishingId) ? 'valid' : 'invalid';
}

/** certListType 1 lists certificates, 2 their digests (SM3, or SHA-1/SHA-256 by the type's name). */
function listedInSeal(seal: Seal, certificate: Uint8Array): boolean {
  if (seal.signerCertificates.some((listed) => Buffer.compare(listed, certificate) === 0)) return true;
  return seal.signerCertificateDigests.some(({ type, value }) => {
    const digest = digestByName(type, certificate);
    return digest !== undefined && Buffer.compare(digest, value) === 0;
  });
}

function digestByName(type: string, data: Uint8Array): Uint8Array | undefined {
  const name = type.toLowerCase().replace(/[^a-z0-9.]/g, '');
  if (name === 'sm3' || name === OID_SM3) return sm3(data);
  if (name === 'sha1' || name === 'sha256') return new Uint8Array(createHash(name).update(data).digest());
  return undefined;
}

function within(at: Date, start: Date, end: Date): ValidityOutcome {
  if (at.getTime() < start.getTime()) return 'not-yet-valid';
  if (at.getTime() > end.getTime()) return 'expired';
  return 'within';
}

const der = (value: unknown): Uint8Array => new Uint8Array(AsnConvert.serialize(value));
const oidDer = (oid: string): Uint8Array => new Uint8Array(AsnConvert.serialize(AsnObjectIdentifierConverter.toASN(oid)));
