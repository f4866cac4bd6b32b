import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { sha1, toArrayBuffer } from './bytes';

/** Key usage bits in RFC 5280 order (bit 0 first). */
export const KEY_USAGES = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;
export type KeyUsage = (typeof KEY_USAGES)[number];

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

export function basicConstraintsExtension(ca: boolean, pathLenConstraint?: number): pkijs.Extension {
  const value = new pkijs.BasicConstraints(ca && pathLenConstraint !== undefined ? { cA: true, pathLenConstraint } : { cA: ca });
  return extension(OID.basicConstraints, true, value.toSchema());
}

/** DER named bit string: only the bits up to the last one set, the rest counted as unused. */
export function namedBitString(bits: number[]): asn1js.BitString {
  const last = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(last / 8) + 1);
  for (const bit of bits) bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (last & 7) });
}

export function keyUsageExtension(usages: KeyUsage[]): pkijs.Extension {
  return extension(OID.keyUsage, true, namedBitString(usages.map((usage) => KEY_USAGES.indexOf(usage))));
}

export function extKeyUsageExtension(purposes: string[], critical: boolean): pkijs.Extension {
  return extension(OID.extKeyUsage, critical, new pkijs.ExtKeyUsage({ keyPurposes: purposes }).toSchema());
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits. */
export function keyIdentifierOf(spki: pkijs.PublicKeyInfo): Uint8Array {
  return sha1(spki.subjectPublicKey.valueBlock.valueHexView);
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  return extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }));
}

export function authorityKeyIdentifierExtension(keyId: Uint8Array): pkijs.Extension {
  const value = new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(keyId) }) });
  return extension(OID.authorityKeyIdentifier, false, value.toSchema());
}

export function crlDistributionPointsExtension(url: string): pkijs.Extension {
  const point = new pkijs.DistributionPoint({
    distributionPoint: [new pkijs.GeneralName({ type: 6, value: url })],
  });
  return extension(OID.crlDistributionPoints, false, new pkijs.CRLDistributionPoints({ distributionPoints: [point] }).toSchema());
}

/** The URL where relying parties fetch the platform CRL: `<base>/v1/pki/crl`. */
export function crlUrl(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/v1/pki/crl`;
}
