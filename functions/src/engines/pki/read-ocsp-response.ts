import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicOCSPResponse, OCSPResponse, OCSPResponseStatus } from '@peculiar/asn1-ocsp';
import { algorithmByIdentifier } from './algorithms';
import { bytesEqual, toArrayBuffer, toHex } from './bytes';
import { viewCertificate, type CertificateView } from './certificate-view';
import { keyIdentifierOf } from './certificate-extensions';
import { publicKeyBitsOf } from './der-values';
import { children, isSingleElement, readTlv, TAG } from './der';
import { OID, DIGEST_NAMES } from './oids';
import { extendedKeyUsagesIn } from './read-extensions';
import { sameName } from './name-der';
import { normalizeSerial, reasonFromCode, type RevocationReason } from './revocation';
import { PkiError } from './errors';

/** What one SingleResponse says about one certificate. */
export interface OcspAnswer {
  /** Canonical serial hex (revocation.ts `normalizeSerial`). */
  serialNumber: string;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  reason?: RevocationReason;
  thisUpdate: Date;
  nextUpdate?: Date;
  /** Whether the CertID names this issuer (hash of its name and key, in the CertID's own digest). */
  issuedBy(issuer: CertificateView): boolean;
}

export interface OcspResponseView {
  producedAt: Date;
  answers: OcspAnswer[];
  /** The certificate that signed the response (from `certs` or the candidates), when one did. */
  responderCertificate?: Uint8Array;
}

/**
 * Reads a DER OCSPResponse (RFC 6960 §4.2.1), as a document's DSS carries it, and finds which of
 * the response's own certificates or `candidates` signed it: by the ResponderID (name or key hash)
 * and a signature that verifies, with an algorithm the platform knows, by a key whose certificate
 * has id-kp-OCSPSigning or is the CA itself. Whether that certificate is trusted is the caller's
 * question (a chain to a trust anchor at `producedAt`). Throws PkiError(PKI_MALFORMED) for bytes
 * that are not a successful basic response.
 */
export function readOcspResponse(der: Uint8Array, candidates: Uint8Array[] = []): OcspResponseView {
  try {
    return read(der, candidates);
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('PKI_MALFORMED', 'OCSP 响应格式无法识别', { cause });
  }
}

function read(der: Uint8Array, candidates: Uint8Array[]): OcspResponseView {
  const malformed = () => new PkiError('PKI_MALFORMED', 'OCSP 响应格式无法识别');
  if (!isSingleElement(der)) throw malformed();
  const response = AsnConvert.parse(toArrayBuffer(der), OCSPResponse);
  const bytes = response.responseBytes;
  if (response.responseStatus !== OCSPResponseStatus.successful || !bytes || bytes.responseType !== OID.ocspBasic) throw malformed();
  const basicDer = new Uint8Array(bytes.response.buffer);
  if (!isSingleElement(basicDer)) throw malformed();
  const basic = AsnConvert.parse(toArrayBuffer(basicDer), BasicOCSPResponse);
  // The signed bytes exactly as they are, not as a schema would write them again.
  const [tbs, algorithm] = children(basicDer, readTlv(basicDer, 0));
  if (!tbs || tbs.tag !== TAG.sequence || !algorithm) throw malformed();
  const signedBytes = basicDer.subarray(tbs.start, tbs.end);
  const signedWith = algorithmByIdentifier(basicDer.subarray(algorithm.start, algorithm.end));
  const signature = new Uint8Array(basic.signature);

  const data = basic.tbsResponseData;
  const byKey = data.responderID.byKey ? new Uint8Array(data.responderID.byKey.buffer) : undefined;
  const byName = data.responderID.byName ? new Uint8Array(AsnConvert.serialize(data.responderID.byName)) : undefined;
  const offered = [...(basic.certs ?? []).map((c) => new Uint8Array(AsnConvert.serialize(c))), ...candidates];
  const responderCertificate = offered.find((certificate) => {
    try {
      const view = viewCertificate(certificate);
      const named = byKey ? bytesEqual(keyIdentifierOf(view.subjectPublicKeyInfo), byKey) : !!byName && bytesEqual(byName, view.subject);
      return named && !!signedWith && signedWith.verify(signedBytes, signature, view.subjectPublicKeyInfo);
    } catch {
      return false;
    }
  });

  const answers = data.responses.map((single): OcspAnswer => {
    const id = single.certID;
    const digest = DIGEST_NAMES[id.hashAlgorithm.algorithm];
    const nameHash = new Uint8Array(id.issuerNameHash.buffer);
    const keyHash = new Uint8Array(id.issuerKeyHash.buffer);
    const status = single.certStatus;
    const revoked = status.revoked;
    return {
      serialNumber: normalizeSerial(toHex(new Uint8Array(id.serialNumber))),
      status: revoked ? 'revoked' : status.good !== undefined ? 'good' : 'unknown',
      ...(revoked ? { revokedAt: revoked.revocationTime, reason: reasonFromCode(revoked.revocationReason?.reason ?? 0) } : {}),
      thisUpdate: single.thisUpdate,
      ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}),
      issuedBy: (issuer) =>
        !!digest &&
        bytesEqual(new Uint8Array(createHash(digest).update(issuer.subject).digest()), nameHash) &&
        bytesEqual(new Uint8Array(createHash(digest).update(publicKeyBitsOf(issuer.subjectPublicKeyInfo)).digest()), keyHash),
    };
  });
  return { producedAt: data.producedAt, answers, ...(responderCertificate ? { responderCertificate } : {}) };
}

/**
 * Whether a response signer may answer for `issuer`'s certificates (RFC 6960 §4.2.2.2): the CA
 * itself, or a certificate the CA issued with id-kp-OCSPSigning.
 */
export function mayAnswerFor(responder: Uint8Array, issuer: CertificateView): boolean {
  try {
    const view = viewCertificate(responder);
    if (bytesEqual(view.der, issuer.der)) return true;
    return sameName(view.issuer, issuer.subject) && (extendedKeyUsagesIn(view) ?? []).includes(OID.kpOcspSigning);
  } catch {
    return false;
  }
}
