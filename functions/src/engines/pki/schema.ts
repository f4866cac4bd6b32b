/**
 * Helpers around @peculiar/asn1-schema, the ASN.1 encoder behind every structure the platform
 * builds (certificates, tokens, CMS). Reading stays on the DER walker (der.ts, der-values.ts).
 */
import { AsnAnyConverter, AsnConvert, AsnObjectIdentifierConverter } from '@peculiar/asn1-schema';
import { toArrayBuffer } from './bytes';

/** DER of an asn1-schema object (a class instance from @peculiar/asn1-*). */
export function derOf(value: unknown): Uint8Array {
  return new Uint8Array(AsnConvert.serialize(value));
}

/** DER of an OBJECT IDENTIFIER, e.g. as an attribute value. */
export function oidDer(oid: string): Uint8Array {
  return derOf(AsnObjectIdentifierConverter.toASN(oid));
}

/**
 * Already-encoded DER standing in for a schema object of type T. Certificates, names and tokens
 * that are copied into a new structure are copied byte for byte, never decoded and re-encoded:
 * a signer identifier must equal the certificate's issuer and serial exactly, and a carried
 * certificate must keep the bytes its issuer signed. asn1-schema writes any object that has
 * `toASN`/`fromASN` as that method returns.
 */
export function rawDer<T>(der: Uint8Array): T {
  const buffer = toArrayBuffer(der);
  const raw = {
    toASN: () => AsnAnyConverter.toASN(buffer),
    fromASN: () => {
      throw new Error('raw DER is written, never read');
    },
  };
  return raw as unknown as T;
}
