import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { KEY_USAGES, type KeyUsage } from './extensions';
import { toArrayBuffer, toHex } from './bytes';
import { PkiError } from './errors';

/** Parses DER into a pkijs certificate; a PkiError when the bytes are not a certificate. */
export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  try {
    const asn1 = asn1js.fromBER(toArrayBuffer(der));
    if (asn1.offset === -1 || asn1.offset !== der.length) throw new Error('not exactly one DER value');
    return new pkijs.Certificate({ schema: asn1.result });
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '证书格式无法识别', { cause });
  }
}

export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER(false));
}

/** Serial number as lowercase hex of the integer's bytes, as `openssl x509 -serial` prints it (lowercased). */
export function serialHex(serial: asn1js.Integer): string {
  const hex = toHex(serial.valueBlock.valueHexView).replace(/^(00)+(?=.)/, '');
  return hex.length === 0 ? '00' : hex;
}

export function findExtension(certificate: { extensions?: pkijs.Extension[] }, oid: string): pkijs.Extension | undefined {
  return certificate.extensions?.find((extension) => extension.extnID === oid);
}

/** The key usages set, or undefined when the certificate has no keyUsage extension. */
export function keyUsagesOf(certificate: pkijs.Certificate): Set<KeyUsage> | undefined {
  const extension = findExtension(certificate, OID.keyUsage);
  if (!extension) return undefined;
  const bitString = asn1js.fromBER(extension.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
  const bytes = bitString.valueBlock.valueHexView;
  const usages = new Set<KeyUsage>();
  KEY_USAGES.forEach((usage, bit) => {
    if (((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0) usages.add(usage);
  });
  return usages;
}

export function isCertificateAuthority(certificate: pkijs.Certificate): boolean {
  const value = findExtension(certificate, OID.basicConstraints)?.parsedValue;
  return value instanceof pkijs.BasicConstraints && value.cA === true;
}

export function subjectKeyIdentifierOf(certificate: pkijs.Certificate): string | undefined {
  const value = findExtension(certificate, OID.subjectKeyIdentifier)?.parsedValue;
  return value instanceof asn1js.OctetString ? toHex(value.valueBlock.valueHexView) : undefined;
}

export function authorityKeyIdentifierOf(item: { extensions?: pkijs.Extension[] }): string | undefined {
  const value = findExtension(item, OID.authorityKeyIdentifier)?.parsedValue;
  return value instanceof pkijs.AuthorityKeyIdentifier && value.keyIdentifier
    ? toHex(value.keyIdentifier.valueBlock.valueHexView)
    : undefined;
}

/** Verifies `certificate`'s signature with `issuer`'s public key through pkijs/WebCrypto (algorithms
 * `certificate-signature.ts` does not check natively). */
export async function signatureVerifies(certificate: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    return await certificate.verify(issuer);
  } catch {
    return false;
  }
}
