import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificationRequest } from '@peculiar/asn1-csr';
import { AttributeValue, Name } from '@peculiar/asn1-x509';
import { algorithmBySignatureOid, type SignatureAlgorithmId } from './algorithms';
import { OID } from './oids';
import { PkiError } from './errors';

export interface CertificationRequestView {
  /** DER SubjectPublicKeyInfo of the requested key. */
  publicKeySpki: Uint8Array;
  /** The platform's algorithm for the key, when the request is signed with one the platform signs with. */
  algorithm?: SignatureAlgorithmId;
  /** Whether the requested key signed the request (proof of possession), by the platform's algorithm table. */
  signatureValid: boolean;
  /** The subject's serialNumber attribute (a UKey's request carries the token serial there). */
  subjectSerialNumber?: string;
}

/**
 * Reads a PKCS#10 request (RFC 2986) and checks its self-signature over the exact
 * CertificationRequestInfo bytes. Only the platform's own algorithms (P-256, SM2) verify: a request
 * with any other algorithm or a key of another curve reads as not signed.
 */
export function readCertificationRequest(der: Uint8Array): CertificationRequestView {
  let request: CertificationRequest;
  try {
    request = AsnConvert.parse(der, CertificationRequest);
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', 'not a PKCS#10 certification request', { cause });
  }
  const info = request.certificationRequestInfo;
  const publicKeySpki = new Uint8Array(AsnConvert.serialize(info.subjectPKInfo));
  // The signed bytes are the request's own encoding of the info, not a re-encoding of what was parsed.
  const tbs = new Uint8Array(request.certificationRequestInfoRaw ?? AsnConvert.serialize(info));
  const algorithm = algorithmBySignatureOid(request.signatureAlgorithm.algorithm);
  const holds = algorithm?.holdsKey(publicKeySpki) ?? false;
  let signatureValid = false;
  try {
    signatureValid = holds && algorithm!.verify(tbs, new Uint8Array(request.signature), publicKeySpki);
  } catch {
    signatureValid = false;
  }
  return {
    publicKeySpki,
    algorithm: holds ? (algorithm!.id as SignatureAlgorithmId) : undefined,
    signatureValid,
    subjectSerialNumber: serialNumberOf(info.subject),
  };
}

function serialNumberOf(name: Name): string | undefined {
  for (const rdn of name) {
    for (const atv of rdn) {
      if (atv.type !== OID.serialNumber) continue;
      const value: AttributeValue = atv.value;
      return value.printableString ?? value.utf8String ?? value.toString();
    }
  }
  return undefined;
}
