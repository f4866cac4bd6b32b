import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from './digest-signer';
import { buildName, type NameAttribute } from './names';
import { authorityKeyIdentifierExtension, keyIdentifierOf, subjectKeyIdentifierExtension } from './extensions';
import { certificateDer, parseCertificate, subjectKeyIdentifierOf } from './certificate';
import { ecdsaWithSha256, integerFrom, signTbs, x509Time } from './sign-tbs';
import { bytesEqual, fromHex, randomSerialNumber, toArrayBuffer, toHex } from './bytes';
import { PkiError } from './errors';

export interface CertificateTemplate {
  /** The key that signs: the issuer's key, or the subject's own key for a self-signed root. */
  signer: DigestSigner;
  /** DER of the issuing CA certificate; absent for a self-signed certificate. */
  issuerCertificate?: Uint8Array;
  subject: NameAttribute[];
  /** DER SubjectPublicKeyInfo of the certified key. */
  subjectPublicKey: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  /** Defaults to 16 random bytes, positive. */
  serialNumber?: Uint8Array | bigint;
  /** Profile extensions; SKI and AKI are added here. */
  extensions: pkijs.Extension[];
}

/**
 * Builds an X.509 v3 certificate and signs its TBS through the DigestSigner port, so the same code
 * works whether the CA key is in KMS or in memory. Returns DER.
 */
export async function issueCertificate(template: CertificateTemplate): Promise<Uint8Array> {
  if (template.notAfter <= template.notBefore) throw new PkiError('PKI_BAD_INPUT', 'notAfter must be later than notBefore');
  const subjectKey = parsePublicKey(template.subjectPublicKey);
  const issuer = template.issuerCertificate ? parseCertificate(template.issuerCertificate) : undefined;
  const subjectName = buildName(template.subject);
  const signerKey = parsePublicKey(await template.signer.publicKeySpki());
  // A wrong key (e.g. the TSA key configured as the CA key) would produce certificates nobody can verify.
  if (!sameKey(signerKey, issuer ? issuer.subjectPublicKeyInfo : subjectKey)) {
    throw new PkiError(
      'PKI_BAD_INPUT',
      issuer ? "the signer's key is not the issuer certificate's key" : "a self-signed certificate must certify the signer's own key",
    );
  }
  const authorityKeyId = issuer ? (subjectKeyIdentifierOf(issuer) ?? toHex(keyIdentifierOf(signerKey))) : toHex(keyIdentifierOf(signerKey));

  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  certificate.serialNumber = integerFrom(template.serialNumber ?? randomSerialNumber());
  certificate.issuer = issuer ? issuer.subject : subjectName;
  certificate.subject = subjectName;
  certificate.notBefore = x509Time(template.notBefore);
  certificate.notAfter = x509Time(template.notAfter);
  certificate.subjectPublicKeyInfo = subjectKey;
  certificate.extensions = [
    ...template.extensions,
    subjectKeyIdentifierExtension(keyIdentifierOf(subjectKey)),
    authorityKeyIdentifierExtension(fromHex(authorityKeyId)),
  ];
  certificate.signature = ecdsaWithSha256();
  certificate.signatureAlgorithm = ecdsaWithSha256();

  const tbs = new Uint8Array(certificate.encodeTBS().toBER(false));
  certificate.tbsView = tbs;
  certificate.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(await signTbs(template.signer, tbs)) });
  return certificateDer(certificate);
}

function parsePublicKey(spki: Uint8Array): pkijs.PublicKeyInfo {
  try {
    return pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spki));
  } catch (cause) {
    throw new PkiError('PKI_UNSUPPORTED_KEY', 'not a DER SubjectPublicKeyInfo', { cause });
  }
}

function sameKey(a: pkijs.PublicKeyInfo, b: pkijs.PublicKeyInfo): boolean {
  return bytesEqual(a.subjectPublicKey.valueBlock.valueHexView, b.subjectPublicKey.valueBlock.valueHexView);
}

/** Adds whole years in UTC (29 February → 28 February / 1 March as Date does). */
export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
