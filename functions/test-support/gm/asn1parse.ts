import type { GmOpenssl } from './openssl';

/**
 * Reads DER structure with `openssl asn1parse` only, so that tests can cut out signed bytes, keys
 * and signatures without any project code in the check path.
 */
export interface Asn1Node {
  offset: number;
  depth: number;
  headerLength: number;
  length: number;
  type: string;
  children: Asn1Node[];
}

export function asn1Tree(openssl: GmOpenssl, file: string): Asn1Node {
  const { status, output } = openssl.run(['asn1parse', '-inform', 'DER', '-in', file]);
  if (status !== 0) throw new Error(`openssl asn1parse failed: ${output}`);
  const root: Asn1Node[] = [];
  const stack: Asn1Node[] = [];
  for (const line of output.split('\n')) {
    const match = /^\s*(\d+):d=\s*(\d+)\s+hl=\s*(\d+)\s+l=\s*(\d+)\s+(?:prim|cons):\s*(.*?)\s*(?::|$)/.exec(line);
    if (!match) continue;
    const node: Asn1Node = { offset: +match[1]!, depth: +match[2]!, headerLength: +match[3]!, length: +match[4]!, type: match[5]!.trim(), children: [] };
    while (stack.length > node.depth) stack.pop();
    (stack.length === 0 ? root : stack[stack.length - 1]!.children).push(node);
    stack.push(node);
  }
  if (root.length !== 1) throw new Error('expected one top-level element');
  return root[0]!;
}

/** The node at a path of child indexes, e.g. [0, 1] = second child of the first child. */
export function at(node: Asn1Node, path: number[]): Asn1Node {
  return path.reduce((current, index) => {
    const child = current.children[index];
    if (!child) throw new Error(`no child ${index} at offset ${current.offset}`);
    return child;
  }, node);
}

/** The whole element (header and content). */
export const element = (der: Uint8Array, node: Asn1Node): Uint8Array => der.subarray(node.offset, node.offset + node.headerLength + node.length);
/** The content only (for an OCTET STRING: the octets). */
export const content = (der: Uint8Array, node: Asn1Node): Uint8Array => der.subarray(node.offset + node.headerLength, node.offset + node.headerLength + node.length);
/** A BIT STRING's bits (its first content byte counts unused bits; SES signatures have none). */
export const bits = (der: Uint8Array, node: Asn1Node): Uint8Array => content(der, node).subarray(1);

/**
 * Checks an SM2 signature entirely with OpenSSL: writes the message, takes the public key out of a
 * DER certificate with `openssl x509 -pubkey`, and runs `openssl pkeyutl -verify` with the ID.
 */
export function opensslVerifiesWithCertificate(openssl: GmOpenssl, name: string, certificate: Uint8Array, message: Uint8Array, signature: Uint8Array, distinguishingId: string): boolean {
  openssl.file(`${name}.crt`, certificate);
  const { status } = openssl.run(['x509', '-inform', 'DER', '-in', `${name}.crt`, '-pubkey', '-noout', '-out', `${name}.pub.pem`]);
  if (status !== 0) return false;
  openssl.file(`${name}.tbs`, message);
  openssl.file(`${name}.sig`, signature);
  return openssl.sm2Verifies(`${name}.pub.pem`, `${name}.tbs`, `${name}.sig`, distinguishingId);
}
