/**
 * The extensions verification needs, read from a CertificateView's DER. A value that cannot be
 * read counts as the most restrictive reading: no key usage, not a CA, no key identifier.
 */
import { OID } from './oids';
import { KEY_USAGES, type KeyUsage } from './extensions';
import type { CertificateExtension, CertificateView } from './certificate-view';
import { readTlv, TAG } from './der';
import { booleanOf, childrenOf, contentOf, oidOf } from './der-values';
import { toHex } from './bytes';

/** A certificate or a CRL: anything with extensions read from its DER. */
type WithExtensions = Pick<CertificateView, 'extensions'>;

export function extensionOf(certificate: WithExtensions, oid: string): CertificateExtension | undefined {
  return certificate.extensions.find((extension) => extension.oid === oid);
}

/** Runs a reader over an extension's value; undefined when absent, `onError` when unreadable. */
function read<T>(certificate: WithExtensions, oid: string, reader: (value: Uint8Array) => T, onError: T): T | undefined {
  const extension = extensionOf(certificate, oid);
  if (!extension) return undefined;
  try {
    return reader(extension.value);
  } catch {
    return onError;
  }
}

/** The key usages set, or undefined when there is no keyUsage extension. */
export function keyUsagesIn(certificate: CertificateView): Set<KeyUsage> | undefined {
  return read(
    certificate,
    OID.keyUsage,
    (value) => {
      const bits = readTlv(value, 0);
      if (bits.tag !== TAG.bitString || bits.end !== value.length) throw new Error('keyUsage is not a BIT STRING');
      const bytes = value.subarray(bits.contentStart + 1, bits.end); // skip the unused-bits count
      return new Set(KEY_USAGES.filter((_, bit) => ((bytes[bit >> 3] ?? 0) & (0x80 >> (bit & 7))) !== 0));
    },
    new Set<KeyUsage>(),
  );
}

/** basicConstraints { cA BOOLEAN DEFAULT FALSE, pathLenConstraint OPTIONAL } says cA. */
export function isCertificateAuthorityView(certificate: CertificateView): boolean {
  return (
    read(
      certificate,
      OID.basicConstraints,
      (value) => {
        const [first] = childrenOf(value, readTlv(value, 0), TAG.sequence);
        return first?.tag === 0x01 && booleanOf(value, first);
      },
      false,
    ) ?? false
  );
}

/** The purposes of extKeyUsage, or undefined without the extension. */
export function extendedKeyUsagesIn(certificate: CertificateView): string[] | undefined {
  return read(
    certificate,
    OID.extKeyUsage,
    (value) =>
      childrenOf(value, readTlv(value, 0), TAG.sequence).map((item) => {
        const oid = oidOf(value, item);
        if (!oid) throw new Error('extKeyUsage purpose is not an OID');
        return oid;
      }),
    [],
  );
}

/** subjectKeyIdentifier as hex. */
export function subjectKeyIdIn(certificate: CertificateView): string | undefined {
  return read(
    certificate,
    OID.subjectKeyIdentifier,
    (value) => {
      const keyId = readTlv(value, 0);
      return keyId.tag === TAG.octetString ? toHex(contentOf(value, keyId)) : undefined;
    },
    undefined,
  );
}

/** authorityKeyIdentifier's keyIdentifier [0] as hex. */
export function authorityKeyIdIn(certificate: WithExtensions): string | undefined {
  return read(
    certificate,
    OID.authorityKeyIdentifier,
    (value) => {
      const keyId = childrenOf(value, readTlv(value, 0), TAG.sequence).find((item) => item.tag === 0x80);
      return keyId ? toHex(contentOf(value, keyId)) : undefined;
    },
    undefined,
  );
}

/** The URIs of cRLDistributionPoints' full names (DistributionPoint [0] → fullName [0] → URI [6]). */
export function crlUrlsIn(certificate: CertificateView): string[] {
  const urls = read(
    certificate,
    OID.crlDistributionPoints,
    (value) =>
      childrenOf(value, readTlv(value, 0), TAG.sequence).flatMap((point) => {
        const name = childrenOf(value, point, TAG.sequence).find((item) => item.tag === 0xa0);
        const fullName = name ? childrenOf(value, name, 0xa0).find((item) => item.tag === 0xa0) : undefined;
        const names = fullName ? childrenOf(value, fullName, 0xa0) : [];
        return names.filter((item) => item.tag === 0x86).map((item) => Buffer.from(contentOf(value, item)).toString('latin1'));
      }),
    [],
  );
  return urls ?? [];
}
