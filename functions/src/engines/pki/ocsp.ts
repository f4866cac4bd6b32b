import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, CRLReason, Certificate, Extension } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  RevokedInfo,
  SingleResponse,
  KeyHash,
} from '@peculiar/asn1-ocsp';
import { signMessage, type Signer } from './signer';
import { OID, DIGEST_NAMES } from './oids';
import { REVOCATION_REASONS, normalizeSerial, type RevocationReason } from './revocation';
import { keyIdentifierOf } from './certificate-extensions';
import { viewCertificate } from './certificate-view';
import { publicKeyBitsOf } from './der-values';
import { signatureAlgorithmIdentifier } from './sign-tbs';
import { derOf, rawDer } from './schema';
import { bytesEqual, toArrayBuffer, toHex } from './bytes';
import { integerContent } from './der';

/** What the responder knows of one certificate (RFC 6960 §2.2). */
export type OcspCertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date; reason?: RevocationReason } | { status: 'unknown' };

/** An OCSP responder for the certificates of one CA. */
export interface OcspResponder {
  /** The responder's key: a delegated responder certificate's (ocsp-responder-certificate.ts). */
  signer: Signer;
  responderCertificate: Uint8Array;
  /** The CA whose certificates it answers for: a CertID naming another issuer is `unknown`. */
  issuerCertificate: Uint8Array;
  /** Status by serial (canonical hex, revocation.ts `normalizeSerial`). */
  statusOf(serial: string): Promise<OcspCertStatus>;
  now: () => Date;
  /** How long an answer may be relied on (nextUpdate); one day by default. */
  validityMs?: number;
}

/**
 * A CA the responder answers for, with its responder built only when a request names it (each
 * hierarchy of the platform has its own responder key: decisions 0110, 0230).
 */
export interface OcspAuthority {
  issuerCertificate: Uint8Array;
  responder(): Promise<OcspResponder>;
}

/** The authority of a responder already built. */
export const authorityOf = (responder: OcspResponder): OcspAuthority => ({ issuerCertificate: responder.issuerCertificate, responder: async () => responder });

/** A request asking about more certificates than this is malformed: the cost is bounded before any lookup. */
export const MAX_OCSP_REQUESTS = 16;
/** Larger requests are refused unread (a request for 16 certificates with a nonce is far below this). */
export const MAX_OCSP_REQUEST_BYTES = 8 * 1024;
const DAY_MS = 24 * 3600 * 1000;
/** RFC 8954: a nonce is 1 to 32 octets. */
const MAX_NONCE_BYTES = 32;

/**
 * Answers a DER OCSPRequest (`application/ocsp-request`) with a DER OCSPResponse
 * (`application/ocsp-response`). Never throws for a bad request: the answer is then
 * `malformedRequest`, as RFC 6960 §2.3 wants. The first CertID's issuer (its name and key hashed
 * in the CertID's own digest: SHA-1, SHA-2 or SM3) picks the authority whose responder signs;
 * a request naming no issuer of `authorities` is `unauthorized` (RFC 6960 §2.3, RFC 5019 §2.2.3:
 * the responder cannot answer authoritatively), and any other CertID of the same request naming
 * another issuer is `unknown`.
 */
export async function answerOcspRequest(requestDer: Uint8Array, authorities: OcspAuthority[]): Promise<Uint8Array> {
  if (requestDer.length === 0 || requestDer.length > MAX_OCSP_REQUEST_BYTES) return failure(OCSPResponseStatus.malformedRequest);
  let request: OCSPRequest;
  try {
    request = AsnConvert.parse(toArrayBuffer(requestDer), OCSPRequest);
  } catch {
    return failure(OCSPResponseStatus.malformedRequest);
  }
  const list = request.tbsRequest.requestList;
  if (list.length === 0 || list.length > MAX_OCSP_REQUESTS) return failure(OCSPResponseStatus.malformedRequest);
  const nonce = request.tbsRequest.requestExtensions?.find((e) => e.extnID === OID.ocspNonce);
  if (nonce && (nonce.extnValue.byteLength === 0 || nonce.extnValue.byteLength > MAX_NONCE_BYTES + 2)) return failure(OCSPResponseStatus.malformedRequest);
  const first = list[0]!.reqCert;
  const authority = authorities.find((a) => namesIssuer(first, viewCertificate(a.issuerCertificate)));
  if (!authority) return failure(OCSPResponseStatus.unauthorized);
  return signResponse(
    await authority.responder(),
    list.map((r) => r.reqCert),
    nonce,
  );
}

/**
 * A signed response about certificates the platform issued, without a request: what a signer embeds
 * in a document's DSS (PAdES B-LT). The CertIDs use SHA-256.
 */
export async function createOcspResponse(responder: OcspResponder, certificates: Uint8Array[]): Promise<Uint8Array> {
  return signResponse(
    responder,
    certificates.map((der) => certIdOf(der, responder.issuerCertificate)),
    undefined,
  );
}

/** The CertID (RFC 6960 §4.1.1) of a certificate, SHA-256 by default. */
export function certIdOf(certificate: Uint8Array, issuerCertificate: Uint8Array, digestOid: string = OID.sha256): CertID {
  const issuer = viewCertificate(issuerCertificate);
  const digest = DIGEST_NAMES[digestOid]!;
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: digestOid, parameters: null }),
    issuerNameHash: new OctetString(createHash(digest).update(issuer.subject).digest()),
    issuerKeyHash: new OctetString(createHash(digest).update(publicKeyBitsOf(issuer.subjectPublicKeyInfo)).digest()),
    serialNumber: toArrayBuffer(integerContent(viewCertificate(certificate).serialNumber)),
  });
}

async function signResponse(responder: OcspResponder, ids: CertID[], nonce: Extension | undefined): Promise<Uint8Array> {
  // Whole seconds: NSS (pdfsig, Firefox) refuses a GeneralizedTime with a fraction and then calls the certificate untrusted (decision 0172).
  const now = new Date(Math.floor(responder.now().getTime() / 1000) * 1000);
  const nextUpdate = new Date(now.getTime() + (responder.validityMs ?? DAY_MS));
  const issuer = viewCertificate(responder.issuerCertificate);
  const responses: SingleResponse[] = [];
  for (const certID of ids) {
    const status = namesIssuer(certID, issuer) ? await responder.statusOf(normalizeSerial(toHex(new Uint8Array(certID.serialNumber)))) : { status: 'unknown' as const };
    responses.push(new SingleResponse({ certID, certStatus: certStatus(status), thisUpdate: now, nextUpdate }));
  }
  const responderKey = await responder.signer.publicKeySpki();
  const tbs = derOf(
    new ResponseData({
      // byKey: SHA-1 of the responder's public key bits, as RFC 6960 §4.2.1 defines it.
      responderID: new ResponderID({ byKey: new KeyHash(keyIdentifierOf(responderKey)) }),
      producedAt: now,
      responses,
      ...(nonce ? { responseExtensions: [new Extension({ extnID: OID.ocspNonce, critical: false, extnValue: nonce.extnValue })] } : {}),
    }),
  );
  const basic = derOf(
    new BasicOCSPResponse({
      tbsResponseData: rawDer<ResponseData>(tbs),
      signatureAlgorithm: signatureAlgorithmIdentifier(responder.signer.algorithm),
      signature: toArrayBuffer(await signMessage(responder.signer, tbs)),
      certs: [rawDer<Certificate>(responder.responderCertificate)],
    }),
  );
  return derOf(
    new OCSPResponse({
      responseStatus: OCSPResponseStatus.successful,
      responseBytes: new ResponseBytes({ responseType: OID.ocspBasic, response: new OctetString(basic) }),
    }),
  );
}

/** The CertID names the CA when both hashes, in the request's own digest, match it. */
function namesIssuer(certID: CertID, issuer: ReturnType<typeof viewCertificate>): boolean {
  const digest = DIGEST_NAMES[certID.hashAlgorithm.algorithm];
  if (!digest) return false;
  const nameHash = new Uint8Array(createHash(digest).update(issuer.subject).digest());
  const keyHash = new Uint8Array(createHash(digest).update(publicKeyBitsOf(issuer.subjectPublicKeyInfo)).digest());
  return bytesEqual(new Uint8Array(certID.issuerNameHash.buffer), nameHash) && bytesEqual(new Uint8Array(certID.issuerKeyHash.buffer), keyHash);
}

function certStatus(status: OcspCertStatus): CertStatus {
  switch (status.status) {
    case 'good':
      return new CertStatus({ good: null });
    case 'revoked': {
      const reason = status.reason && status.reason !== 'unspecified' ? new CRLReason(REVOCATION_REASONS[status.reason]) : undefined;
      return new CertStatus({ revoked: new RevokedInfo({ revocationTime: status.revokedAt, ...(reason ? { revocationReason: reason } : {}) }) });
    }
    case 'unknown':
      return new CertStatus({ unknown: null });
  }
}

function failure(status: OCSPResponseStatus): Uint8Array {
  return derOf(new OCSPResponse({ responseStatus: status }));
}

