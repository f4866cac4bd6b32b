import { answerOcspRequest, createOcspResponse, type OcspCertStatus, type OcspResponder } from '../../engines/pki/ocsp';
import { normalizeSerial, REVOCATION_REASONS, type RevocationReason } from '../../engines/pki/revocation';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { DomainError } from '@seal/shared';
import type { Ports } from '../../ports';
import type { CertificateRecord } from '../../ports/seal-store';
import { CRL_ISSUERS } from './crl-issuers';
import { cached, ocspResponderCache, platformPki, readCertificate } from './platform-ca';
import type { PlatformSigner } from '../../ports/platform-keys';

/**
 * The platform's OCSP responder (RFC 6960) for the P-256 hierarchy: seal certificates and the TSA
 * certificates (the current one and those it renewed), answered from the certificate records (a strongly consistent read by serial, so a
 * revocation that committed is answered at once), signed by the dedicated responder key that the
 * bootstrap certified (id-kp-OCSPSigning, ocsp-nocheck). The SM2 hierarchy has no responder yet: its
 * certificates carry only the CRL.
 */
export async function ocspResponder(services: Ports, known?: KnownCertificate): Promise<OcspResponder> {
  const [pki, { signer, responderCertificate }] = await Promise.all([platformPki(services), cached(ocspResponderCache, services, loadResponder)]);
  const platformSerials = new Set([pki.tsa, ...pki.previousTsa, responderCertificate].map((der) => readSealCertificate(der).serialNumber));
  return {
    signer,
    responderCertificate,
    issuerCertificate: pki.root,
    now: services.now,
    statusOf: async (serial) => {
      if (platformSerials.has(serial)) return { status: 'good' };
      if (known && normalizeSerial(serial) === normalizeSerial(known.serial)) return statusFrom(known.record);
      return recordStatus(services, serial);
    },
  };
}

// The responder's key and the certificate the bootstrap (or a renewal) made for it, read once per container (decision 0141).
async function loadResponder(services: Ports): Promise<{ signer: PlatformSigner; responderCertificate: Uint8Array }> {
  const signer = await services.platformKeys.ocspSigner();
  const responderCertificate = await readCertificate(services.store, 'ocsp-responder', signer.keyId);
  if (!responderCertificate) throw new DomainError('PLATFORM_NOT_READY');
  return { signer, responderCertificate };
}

/** A certificate record the caller read strongly consistent with its other records (the signing gate, decision 0205); absent when there is none. */
export interface KnownCertificate {
  serial: string;
  record?: CertificateRecord;
}

async function recordStatus(services: Ports, serial: string): Promise<OcspCertStatus> {
  return statusFrom(await services.store.certificates.get(normalizeSerial(serial), { consistent: true }));
}

function statusFrom(record: CertificateRecord | undefined): OcspCertStatus {
  // A serial of the SM2 root's is not this responder's to answer.
  if (!record || (record.issuer ?? CRL_ISSUERS['ecdsa-p256-sha256']) !== CRL_ISSUERS['ecdsa-p256-sha256']) return { status: 'unknown' };
  if (record.status !== 'revoked') return { status: 'good' };
  return { status: 'revoked', revokedAt: new Date(record.revokedAt), reason: reasonOf(record.revocationReason) };
}

function reasonOf(stored: string | undefined): RevocationReason {
  if (stored && stored in REVOCATION_REASONS) return stored as RevocationReason;
  return 'unspecified';
}

/** POST /v1/pki/ocsp and GET /v1/pki/ocsp/{request}: a DER OCSPRequest in, a DER OCSPResponse out. */
export async function answerOcsp(services: Ports, requestDer: Uint8Array): Promise<Uint8Array> {
  return answerOcspRequest(requestDer, await ocspResponder(services));
}

/** A fresh signed response about platform certificates, for a document's DSS (PAdES B-LT), from the responder the caller built. */
export async function ocspResponseFor(responder: OcspResponder, certificates: Uint8Array[]): Promise<Uint8Array> {
  return createOcspResponse(responder, certificates);
}
