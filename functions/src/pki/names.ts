import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';

/** One attribute of a distinguished name, in the order it is written. */
export interface NameAttribute {
  type: string;
  value: string;
}

const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.stateOrProvince]: 'ST',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.title]: 'title',
  [OID.description]: 'description',
  [OID.name]: 'name',
  [OID.organizationIdentifier]: 'organizationIdentifier',
};

/** Attributes X.520 restricts to PrintableString; everything else is written as UTF8String. */
const PRINTABLE_ONLY = new Set<string>([OID.country, OID.serialNumber]);

/**
 * A distinguished name with one attribute per RDN, Chinese text as UTF8String. Built by hand and
 * re-parsed because pkijs, when it encodes a name itself, puts every attribute into one
 * multi-valued RDN (`C=CN + O=… + CN=…`), which validators display badly and match poorly.
 */
export function buildName(attributes: NameAttribute[]): pkijs.RelativeDistinguishedNames {
  const rdnSequence = new asn1js.Sequence({
    value: attributes.map(
      ({ type, value }) =>
        new asn1js.Set({
          value: [
            new asn1js.Sequence({
              value: [
                new asn1js.ObjectIdentifier({ value: type }),
                PRINTABLE_ONLY.has(type) && /^[A-Za-z0-9 '()+,\-./:=?]*$/.test(value)
                  ? new asn1js.PrintableString({ value })
                  : new asn1js.Utf8String({ value }),
              ],
            }),
          ],
        }),
    ),
  });
  return new pkijs.RelativeDistinguishedNames({ schema: asn1js.fromBER(rdnSequence.toBER(false)).result });
}

/** The attributes of a name in order, strings decoded. */
export function readName(name: pkijs.RelativeDistinguishedNames): NameAttribute[] {
  return name.typesAndValues.map((attribute) => {
    const block = (attribute.value as { valueBlock?: { value?: unknown } }).valueBlock;
    const value = typeof block?.value === 'string' ? block.value : '';
    return { type: attribute.type, value };
  });
}

/** The first value of an attribute type, if any. */
export function nameValue(attributes: NameAttribute[], type: string): string | undefined {
  return attributes.find((attribute) => attribute.type === type)?.value;
}

/** A readable one-line form, e.g. `C=CN, O=某某公司, CN=某某公司 合同专用章`. */
export function formatName(attributes: NameAttribute[]): string {
  return attributes.map(({ type, value }) => `${SHORT_NAMES[type] ?? type}=${value}`).join(', ');
}
