import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { OID } from './oids';
import type { NameAttribute } from './names';

/** Attributes X.520 restricts to PrintableString; everything else is written as UTF8String. */
const PRINTABLE_ONLY = new Set<string>([OID.country, OID.serialNumber]);

/**
 * A distinguished name with one attribute per RDN (never one multi-valued RDN such as
 * `C=CN + O=… + CN=…`, which validators display badly and match poorly), Chinese text as UTF8String.
 */
export function buildName(attributes: NameAttribute[]): Name {
  return new Name(
    attributes.map(
      ({ type, value }) =>
        new RelativeDistinguishedName([
          new AttributeTypeAndValue({
            type,
            value: new AttributeValue(
              PRINTABLE_ONLY.has(type) && /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value) ? { printableString: value } : { utf8String: value },
            ),
          }),
        ]),
    ),
  );
}
