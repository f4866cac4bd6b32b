import {
  Certificate,
  Extensions,
  TBSCertificate,
  Validity,
  Version,
  type Extension,
  type Name,
  type SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';
import { signMessage, type Signer } from './signer';
import type { NameAttribute } from './names';
import { buildName } from './build-name';
import { authorityKeyIdentifierExtension, keyIdentifierOf, subjectKeyIdentifierExtension } from './certificate-extensions';
import { viewCertificate } from './certificate-view';
import { subjectKeyIdIn } from './read-extensions';
import { publicKeyBitsOf } from './der-values';
import { integerFrom, signatureAlgorithmIdentifier } from './sign-tbs';
import { derOf, rawDer } from './schema';
import { bytesEqual, fromHex, randomSerialNumber, toArrayBuffer, toHex } from './bytes';
import { PkiError } from './errors';

export interface CertificateTemplate {
  /** The key that signs: the issuer's key, or the subject's own key for a self-signed root. */
  signer: Signer;
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
  extensions: Extension[];
}

/**
 * Builds an X.509 v3 certificate and signs its TBS through the Signer port, with the signer's algorithm,, so the same code
 * works whether the CA key is in KMS or in memory. Returns DER. The issuer name and the public key
 * are copied byte for byte from the issuer certificate and the given SubjectPublicKeyInfo.
 */
export async function issueCertificate(template: CertificateTemplate): Promise<Uint8Array> {
  if (template.notAfter <= template.notBefore) throw new PkiError('PKI_BAD_INPUT', 'notAfter must be later than notBefore');
  const subjectKey = publicKeyOf(template.subjectPublicKey);
  const issuer = template.issuerCertificate ? viewCertificate(template.issuerCertificate) : undefined;
  const signerSpki = await template.signer.publicKeySpki();
  // A wrong key (e.g. the TSA key configured as the CA key) would produce certificates nobody can verify.
  if (!bytesEqual(publicKeyOf(signerSpki), issuer ? publicKeyOf(issuer.subjectPublicKeyInfo) : subjectKey)) {
    throw new PkiError(
      'PKI_BAD_INPUT',
      issuer ? "the signer's key is not the issuer certificate's key" : "a self-signed certificate must certify the signer's own key",
    );
  }
  const authorityKeyId = (issuer && subjectKeyIdIn(issuer)) ?? toHex(keyIdentifierOf(signerSpki));
  const subject = buildName(template.subject);

  const tbs = derOf(
    new TBSCertificate({
      version: Version.v3,
      serialNumber: integerFrom(template.serialNumber ?? randomSerialNumber()),
      signature: signatureAlgorithmIdentifier(template.signer.algorithm),
      issuer: issuer ? rawDer<Name>(issuer.subject) : subject,
      validity: new Validity({ notBefore: template.notBefore, notAfter: template.notAfter }),
      subject,
      subjectPublicKeyInfo: rawDer<SubjectPublicKeyInfo>(template.subjectPublicKey),
      extensions: new Extensions([
        ...template.extensions,
        subjectKeyIdentifierExtension(keyIdentifierOf(template.subjectPublicKey)),
        authorityKeyIdentifierExtension(fromHex(authorityKeyId)),
      ]),
    }),
  );
  const signature = await signMessage(template.signer, tbs);
  return derOf(
    new Certificate({
      tbsCertificate: rawDer<TBSCertificate>(tbs),
      signatureAlgorithm: signatureAlgorithmIdentifier(template.signer.algorithm),
      signatureValue: toArrayBuffer(signature),
    }),
  );
}

/** The key bits of a DER SubjectPublicKeyInfo; PKI_UNSUPPORTED_KEY when it is not one. */
function publicKeyOf(spki: Uint8Array): Uint8Array {
  try {
    return publicKeyBitsOf(spki);
  } catch (cause) {
    throw new PkiError('PKI_UNSUPPORTED_KEY', 'not a DER SubjectPublicKeyInfo', { cause });
  }
}

/** Adds whole years in UTC (29 February → 28 February / 1 March as Date does). */
export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}
