import { answerOcspRequest, createOcspResponse, type OcspAuthority, type OcspCertStatus, type OcspResponder } from '../../engines/pki/ocsp';
import { normalizeSerial, REVOCATION_REASONS, type RevocationReason } from '../../engines/pki/revocation';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { CertificateRecord } from '../../ports/seal-store';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { CRL_ISSUERS } from './crl-issuers';
import { cached, gmPlatformPki, OCSP_RESPONDER_ROLES, ocspResponderCaches, platformPki, readCertificate, type PlatformCa } from './platform-ca';
import type { PlatformSigner } from '../../ports/platform-keys';

/**
 * The platform's OCSP responder (RFC 6960) for one hierarchy, P-256 (decision 0110) or SM2
 * (decision 0230): its seal certificates and its own platform certificates (TSA, the ones it renewed,
 * the seal maker, the responder), answered from the certificate records (a strongly consistent read
 * by serial, so a revocation that committed is answered at once), signed by the hierarchy's
 * dedicated responder key that the bootstrap certified (id-kp-OCSPSigning, ocsp-nocheck).
 */
export async function ocspResponder(services: Ports, hierarchy: SignatureAlgorithmId, known?: KnownCertificate): Promise<OcspResponder> {
  const [{ pki, own }, { signer, responderCertificate }] = await Promise.all([
    hierarchyOf(services, hierarchy),
    cached(ocspResponderCaches[hierarchy], services, (s) => loadResponder(s, hierarchy)),
  ]);
  const platformSerials = new Set([...own, responderCertificate].map((der) => readSealCertificate(der).serialNumber));
  return {
    signer,
    responderCertificate,
    issuerCertificate: pki.root,
    now: services.now,
    statusOf: async (serial) => {
      if (platformSerials.has(serial)) return { status: 'good' };
      if (known && normalizeSerial(serial) === normalizeSerial(known.serial)) return statusFrom(known.record, pki.crlIssuer);
      return recordStatus(services, serial, pki.crlIssuer);
    },
  };
}

/** The hierarchy, and its own certificates below its root (always `good`): the TSA (current and renewed) and, for SM2, the seal maker. */
async function hierarchyOf(services: Ports, hierarchy: SignatureAlgorithmId): Promise<{ pki: PlatformCa; own: Uint8Array[] }> {
  if (hierarchy === 'sm2-sm3') {
    const pki = await gmPlatformPki(services);
    return { pki, own: [pki.tsa, ...pki.previousTsa, pki.sealMaker] };
  }
  const pki = await platformPki(services);
  return { pki, own: [pki.tsa, ...pki.previousTsa] };
}

// The responder's key and the certificate the bootstrap (or a renewal) made for it, read once per container (decision 0141).
async function loadResponder(services: Ports, hierarchy: SignatureAlgorithmId): Promise<{ signer: PlatformSigner; responderCertificate: Uint8Array }> {
  const signer = await services.platformKeys.ocspSigner(hierarchy);
  const responderCertificate = await readCertificate(services.store, OCSP_RESPONDER_ROLES[hierarchy], signer.keyId);
  if (!responderCertificate) throw new DomainError('PLATFORM_NOT_READY');
  return { signer, responderCertificate };
}

/** A certificate record the caller read strongly consistent with its other records (the signing gate, decision 0205); absent when there is none. */
export interface KnownCertificate {
  serial: string;
  record?: CertificateRecord;
}

async function recordStatus(services: Ports, serial: string, crlIssuer: string): Promise<OcspCertStatus> {
  return statusFrom(await services.store.certificates.get(normalizeSerial(serial), { consistent: true }), crlIssuer);
}

function statusFrom(record: CertificateRecord | undefined, crlIssuer: string): OcspCertStatus {
  // A serial the other hierarchy issued is not this responder's to answer (records before SM2 name no issuer: P-256).
  if (!record || (record.issuer ?? CRL_ISSUERS['ecdsa-p256-sha256']) !== crlIssuer) return { status: 'unknown' };
  if (record.status !== 'revoked') return { status: 'good' };
  return { status: 'revoked', revokedAt: new Date(record.revokedAt), reason: reasonOf(record.revocationReason) };
}

function reasonOf(stored: string | undefined): RevocationReason {
  if (stored && stored in REVOCATION_REASONS) return stored as RevocationReason;
  return 'unspecified';
}

/**
 * POST /v1/pki/ocsp and GET /v1/pki/ocsp/{request}: a DER OCSPRequest in, a DER OCSPResponse out,
 * from the responder of the hierarchy whose root the request names (one address for both, decision 0231).
 */
export async function answerOcsp(services: Ports, requestDer: Uint8Array): Promise<Uint8Array> {
  const [p256, sm2] = await Promise.all([platformPki(services), gmPlatformPki(services)]);
  const authorities: OcspAuthority[] = [
    { issuerCertificate: p256.root, responder: () => ocspResponder(services, 'ecdsa-p256-sha256') },
    { issuerCertificate: sm2.root, responder: () => ocspResponder(services, 'sm2-sm3') },
  ];
  return answerOcspRequest(requestDer, authorities);
}

/** A fresh signed response about platform certificates, for a document's DSS (PAdES B-LT), from the responder the caller built. */
export async function ocspResponseFor(responder: OcspResponder, certificates: Uint8Array[]): Promise<Uint8Array> {
  return createOcspResponse(responder, certificates);
}
