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

/** The first value of an attribute type, if any. */
export function nameValue(attributes: NameAttribute[], type: string): string | undefined {
  return attributes.find((attribute) => attribute.type === type)?.value;
}

/** A readable one-line form, e.g. `C=CN, O=某某公司, CN=某某公司 合同专用章`. */
export function formatName(attributes: NameAttribute[]): string {
  return attributes.map(({ type, value }) => `${SHORT_NAMES[type] ?? type}=${value}`).join(', ');
}
