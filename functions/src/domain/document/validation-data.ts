import { algorithmOfKey } from '../../engines/pki/algorithms';
import { viewCertificate } from '../../engines/pki/certificate-view';
import type { Ports } from '../../ports';
import type { ValidationData } from '../../ports/document-format';
import { currentCrl } from '../platform-pki/crl';
import { ocspResponder, ocspResponseFor, type KnownCertificate } from '../platform-pki/ocsp-responder';
import type { CrlStateRecord } from '../../ports/seal-store';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { platformCaFor } from '../platform-pki/platform-ca';

/**
 * The records validation data is made from, when the signing gate read them in the same call as the
 * seal (decision 0205): the CRL's state and the signer certificate's record. Strongly consistent
 * reads, made a moment before the signature instead of after it: the one change that matters to
 * this signature, a revocation of its own certificate, also changes the credential, and so fails the
 * signature's commit (decision 0161).
 */
export interface ValidationRecords {
  crl: { issuer: string; state?: CrlStateRecord };
  certificate: KnownCertificate;
}

/**
 * What a relying party needs to validate a platform signature and its timestamp years from now
 * without asking the platform (PAdES B-LT, decision 0111): the signer's chain, the certificate of
 * the TSA that made the timestamp, each hierarchy's current CRL and fresh OCSP responses from its
 * responder for the seal and TSA certificates, with the responder certificate that signed them (SM2
 * too: decision 0233). `timestampedBy` is the hierarchy of that TSA when it is not the signer's: an
 * SM2 PDF's timestamps are the P-256 TSA's (decision 0251).
 */
export async function validationDataFor(
  services: Ports,
  certificateChain: Uint8Array[],
  known?: ValidationRecords,
  timestampedBy?: SignatureAlgorithmId,
): Promise<ValidationData> {
  const [signerCertificate] = certificateChain;
  if (!signerCertificate) throw new Error('a signature without a certificate');
  const algorithm = algorithmOfKey(viewCertificate(signerCertificate).subjectPublicKeyInfo);
  if (!algorithm) throw new Error('a signer certificate of no algorithm the platform signs with');
  const signers = await hierarchyEvidence(services, algorithm, known);
  if (!timestampedBy || timestampedBy === algorithm) {
    // One answer from one responder for both certificates.
    const ocsp = await ocspResponseFor(signers.responder, [signerCertificate, signers.pki.tsa]);
    return { certificates: unique([...certificateChain, signers.pki.tsa, signers.pki.root, signers.responder.responderCertificate]), crls: [signers.crl], ocsps: [ocsp] };
  }
  const tsa = await hierarchyEvidence(services, timestampedBy);
  const ocsps = await Promise.all([ocspResponseFor(signers.responder, [signerCertificate]), ocspResponseFor(tsa.responder, [tsa.pki.tsa])]);
  return {
    certificates: unique([
      ...certificateChain,
      signers.pki.root,
      signers.responder.responderCertificate,
      tsa.pki.tsa,
      tsa.pki.root,
      tsa.responder.responderCertificate,
    ]),
    crls: [signers.crl, tsa.crl],
    ocsps,
  };
}

/** One hierarchy's CA, current CRL and OCSP responder (its certificate read once, for the answer and the DSS). */
async function hierarchyEvidence(services: Ports, algorithm: SignatureAlgorithmId, known?: ValidationRecords) {
  const pki = await platformCaFor(services, algorithm);
  const crl = await currentCrl(services, pki.crlIssuer, known?.crl.issuer === pki.crlIssuer ? known.crl : undefined);
  const responder = await ocspResponder(services, algorithm, known?.certificate);
  return { pki, crl, responder };
}

function unique(certificates: Uint8Array[]): Uint8Array[] {
  const seen = new Set<string>();
  return certificates.filter((der) => {
    const key = Buffer.from(der).toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
