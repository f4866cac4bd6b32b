import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { OfdError } from './errors';

/**
 * OFD XML read with fast-xml-parser, after refusing what XML attacks use: any DOCTYPE (and so any
 * entity declaration: only the five predefined entities and character references remain), and
 * nesting deeper than `MAX_DEPTH`. Namespace prefixes are dropped (OFD files use `ofd:` or none);
 * attributes are `@_Name`; text is kept as strings.
 */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const MAX_DEPTH = 64;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
});

export function parseXml(bytes: Uint8Array, what: string): XmlNode {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new OfdError('OFD_BAD_XML', `${what} is not UTF-8`, { cause });
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw new OfdError('OFD_BAD_XML', `${what} declares a DOCTYPE or entities`);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) throw new OfdError('OFD_BAD_XML', `${what} is not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  try {
    return parser.parse(text) as XmlNode;
  } catch (cause) {
    throw new OfdError('OFD_BAD_XML', `${what} cannot be read`, { cause });
  }
}

/** The child elements with this local name, as a list (one element parses as an object, several as an array). */
export function children(node: XmlValue | undefined, name: string): XmlNode[] {
  if (node === undefined || typeof node === 'string' || Array.isArray(node)) return [];
  const value = node[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? { '#text': item } : (item as XmlNode)));
}

export const child = (node: XmlValue | undefined, name: string): XmlNode | undefined => children(node, name)[0];

/** An element's text ("" when it has none). */
export function text(node: XmlValue | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return '';
  const value = node['#text'];
  return typeof value === 'string' ? value : '';
}

export const attribute = (node: XmlNode | undefined, name: string): string | undefined => {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
};

/** Escapes text or an attribute value for XML the platform writes. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
