import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asn1Tree, at, content, element, opensslVerifiesWithCertificate } from './asn1parse';
import type { GmOpenssl } from './openssl';

/**
 * An SM2 timestamp token (RFC 3161) judged by OpenSSL alone: `openssl ts -reply -text` reads its
 * imprint, `openssl dgst` hashes what it must cover, `asn1parse` cuts the TSTInfo, the signed
 * attributes and the TSA certificate out of it, `dgst -sm3` checks the message digest attribute,
 * `pkeyutl -verify` the TSA's SM2 signature over the attributes (as a SET) with the distinguishing
 * ID, and `openssl verify -purpose timestampsign` the TSA certificate to the root. (`openssl ts
 * -verify` itself checks a CMS SM2 signature without the distinguishing ID, so it cannot.)
 */
export interface IndependentTimestamp {
  /** The token's imprint is `digest` of the stamped bytes. */
  imprint: boolean;
  /** message-digest = SM3(TSTInfo). */
  messageDigest: boolean;
  /** The TSA's SM2 signature over the signed attributes. */
  signature: boolean;
  /** The TSA certificate the token carries chains to `root` for time stamping. */
  chain: boolean;
}

const ID = '1234567812345678';

export function independentTimestamp(openssl: GmOpenssl, name: string, token: Uint8Array, stamped: Uint8Array, digest: 'sm3' | 'sha256', root: Uint8Array): IndependentTimestamp {
  openssl.file(`${name}.tst`, token);
  openssl.file(`${name}.stamped`, stamped);
  const text = openssl.run(['ts', '-reply', '-in', `${name}.tst`, '-token_in', '-text', '-token_out']).output;
  const imprintDump = /Message data:\s*([\s\S]*?)\nSerial/.exec(text)?.[1] ?? '';
  // "    0000 - 58 91 b5 b5 22 d5 df 08-6d 0f …   X...": the hex columns of each dump line.
  const imprintHex = [...imprintDump.matchAll(/^\s*[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -]){15}[0-9a-f]{2})/gm)].map((m) => m[1]!.replace(/[ -]/g, '')).join('');
  openssl.run(['dgst', `-${digest}`, '-binary', '-out', `${name}.digest`, `${name}.stamped`]);
  const imprint = imprintHex === readFileSync(join(openssl.dir, `${name}.digest`)).toString('hex');

  const tree = asn1Tree(openssl, `${name}.tst`);
  const signedData = at(tree, [1, 0]);
  openssl.file(`${name}.tstinfo`, content(token, at(signedData, [2, 1, 0])));
  openssl.run(['dgst', '-sm3', '-binary', '-out', `${name}.tstinfo.sm3`, `${name}.tstinfo`]);
  const signerInfo = at(signedData, [4, 0]);
  const attributes = Buffer.from(element(token, at(signerInfo, [3])));
  attributes[0] = 0x31;
  const messageDigest = attributes.includes(readFileSync(join(openssl.dir, `${name}.tstinfo.sm3`)));
  const tsaCertificate = element(token, at(signedData, [3, 0]));
  const signature = opensslVerifiesWithCertificate(openssl, `${name}-tsa`, tsaCertificate, attributes, content(token, at(signerInfo, [5])), ID);
  openssl.file(`${name}-root.der`, root);
  openssl.run(['x509', '-inform', 'DER', '-in', `${name}-root.der`, '-out', `${name}-root.pem`]);
  openssl.run(['x509', '-inform', 'DER', '-in', `${name}-tsa.crt`, '-out', `${name}-tsa.pem`]);
  const chain = openssl.run(['verify', '-purpose', 'timestampsign', '-CAfile', `${name}-root.pem`, '-vfyopt', `distid:${ID}`, `${name}-tsa.pem`]).output.includes(': OK');
  return { imprint, messageDigest, signature, chain };
}
