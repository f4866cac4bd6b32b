/** The extensions the platform writes into its certificates and CRLs (profile: docs/decisions/0005). */
import { OctetString } from '@peculiar/asn1-schema';
import {
  AccessDescription,
  AuthorityInfoAccessSyntax,
  AuthorityKeyIdentifier,
  BasicConstraints,
  CRLDistributionPoints,
  DistributionPoint,
  DistributionPointName,
  ExtendedKeyUsage,
  Extension,
  GeneralName,
  KeyIdentifier,
  KeyUsage as KeyUsageBits,
  SubjectKeyIdentifier,
} from '@peculiar/asn1-x509';
import { OID } from './oids';
import { KEY_USAGES, type KeyUsage } from './extensions';
import { publicKeyBitsOf } from './der-values';
import { derOf } from './schema';
import { sha1 } from './bytes';

function extension(extnID: string, critical: boolean, value: unknown): Extension {
  return new Extension({ extnID, critical, extnValue: new OctetString(derOf(value)) });
}

export function basicConstraintsExtension(ca: boolean, pathLenConstraint?: number): Extension {
  const value = new BasicConstraints(ca && pathLenConstraint !== undefined ? { cA: true, pathLenConstraint } : { cA: ca });
  return extension(OID.basicConstraints, true, value);
}

/** DER named bit string: only the bits up to the last one set, the rest counted as unused. */
export function namedBits(bits: number[]): { value: Uint8Array; unusedBits: number } {
  const last = Math.max(...bits);
  const value = new Uint8Array(Math.floor(last / 8) + 1);
  for (const bit of bits) value[bit >> 3] = (value[bit >> 3] ?? 0) | (0x80 >> (bit & 7));
  return { value, unusedBits: 7 - (last & 7) };
}

export function keyUsageExtension(usages: KeyUsage[]): Extension {
  const { value, unusedBits } = namedBits(usages.map((usage) => KEY_USAGES.indexOf(usage)));
  return extension(OID.keyUsage, true, new KeyUsageBits(value, unusedBits));
}

export function extKeyUsageExtension(purposes: string[], critical: boolean): Extension {
  return extension(OID.extKeyUsage, critical, new ExtendedKeyUsage(purposes));
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey bits of a DER SubjectPublicKeyInfo. */
export function keyIdentifierOf(spki: Uint8Array): Uint8Array {
  return sha1(publicKeyBitsOf(spki));
}

export function subjectKeyIdentifierExtension(keyId: Uint8Array): Extension {
  return extension(OID.subjectKeyIdentifier, false, new SubjectKeyIdentifier(keyId));
}

export function authorityKeyIdentifierExtension(keyId: Uint8Array): Extension {
  return extension(OID.authorityKeyIdentifier, false, new AuthorityKeyIdentifier({ keyIdentifier: new KeyIdentifier(keyId) }));
}

export function crlDistributionPointsExtension(url: string): Extension {
  const point = new DistributionPoint({
    distributionPoint: new DistributionPointName({ fullName: [new GeneralName({ uniformResourceIdentifier: url })] }),
  });
  return extension(OID.crlDistributionPoints, false, new CRLDistributionPoints([point]));
}

/** Authority Information Access with one OCSP responder URL (RFC 5280 §4.2.2.1). */
export function authorityInfoAccessExtension(ocspUrl: string): Extension {
  const access = new AccessDescription({ accessMethod: OID.adOcsp, accessLocation: new GeneralName({ uniformResourceIdentifier: ocspUrl }) });
  return extension(OID.authorityInfoAccess, false, new AuthorityInfoAccessSyntax([access]));
}

/** id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1): relying parties need not check the responder's own status. */
export function ocspNoCheckExtension(): Extension {
  return new Extension({ extnID: OID.ocspNoCheck, critical: false, extnValue: new OctetString(new Uint8Array([0x05, 0x00])) });
}
