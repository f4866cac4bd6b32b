import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate } from './asn1parse';
import type { GmOpenssl } from './openssl';
import { requireTools } from '../tools';

/**
 * An OFD signature judged without any project code: `unzip` unpacks the package, regular
 * expressions read the few XML attributes needed, `openssl dgst -sm3` hashes the protected files,
 * `openssl asn1parse` cuts TBS_Sign, certificates and signatures out of SignedValue.dat, and
 * `openssl pkeyutl -verify` (with the distinguishing ID) checks the SM2 signatures.
 */
export interface IndependentVerdict {
  id: string;
  /** Each protected file: does `openssl dgst -sm3` give its CheckValue? undefined: the file is missing. */
  references: Record<string, boolean | undefined>;
  /** SES_Signature: dataHash = SM3(Signature.xml). */
  dataHash?: boolean;
  /** The SM2 signature (over TBS_Sign, or over Signature.xml for a bare value with a given certificate). */
  signature?: boolean;
  /** The seal maker's SM2 signature over the seal info. */
  sealMaker?: boolean;
  /** Seal.esl equals the seal inside TBS_Sign. */
  sealFile?: boolean;
}

const ID = '1234567812345678';

export function independentVerdicts(openssl: GmOpenssl, ofd: Uint8Array, options: { bareSignatureCertificate?: Uint8Array } = {}): IndependentVerdict[] {
  requireTools('unzip');
  const dir = mkdtempSync(join(openssl.dir, 'ofd-'));
  openssl.file('package.ofd', ofd);
  const unzip = spawnSync('unzip', ['-o', '-q', join(openssl.dir, 'package.ofd'), '-d', dir], { encoding: 'utf8' });
  if (unzip.status !== 0) throw new Error(`unzip failed: ${unzip.stderr}`);
  const read = (loc: string) => readFileSync(join(dir, loc.replace(/^\//, '')));
  const ofdXml = read('OFD.xml').toString('utf8');
  const signaturesLoc = /<(?:\w+:)?Signatures>([^<]+)</.exec(ofdXml)?.[1];
  if (!signaturesLoc) return [];
  const signaturesDir = signaturesLoc.replace(/^\//, '').replace(/[^/]+$/, '');
  const list = read(signaturesLoc).toString('utf8');
  const verdicts: IndependentVerdict[] = [];
  for (const match of list.matchAll(/<(?:\w+:)?Signature\b([^>]*)\/?>/g)) {
    const id = /\bID="([^"]+)"/.exec(match[1]!)![1]!;
    const baseLoc = /\bBaseLoc="([^"]+)"/.exec(match[1]!)![1]!;
    const signaturePath = baseLoc.startsWith('/') ? baseLoc : signaturesDir + baseLoc;
    const signatureXml = read(signaturePath);
    const xml = signatureXml.toString('utf8');
    const verdict: IndependentVerdict = { id, references: {} };
    for (const ref of xml.matchAll(/FileRef="([^"]+)"\s*>\s*<(?:\w+:)?CheckValue>([^<]+)</g)) {
      const path = ref[1]!;
      if (!existsSync(join(dir, path.replace(/^\//, '')))) {
        verdict.references[path] = undefined;
        continue;
      }
      const { output } = openssl.run(['dgst', '-sm3', '-binary', '-out', 'ref.sm3', join(dir, path.replace(/^\//, ''))]);
      void output;
      verdict.references[path] = readFileSync(join(openssl.dir, 'ref.sm3')).toString('base64') === ref[2]!.trim();
    }
    const signedValueLoc = /<(?:\w+:)?SignedValue>([^<]+)</.exec(xml)![1]!;
    if (!existsSync(join(dir, signedValueLoc.replace(/^\//, '')))) {
      verdicts.push(verdict);
      continue;
    }
    const signedValue = new Uint8Array(read(signedValueLoc));
    const tree = asn1Tree(openssl, openssl.file(`sv-${id}.der`, signedValue));
    if (tree.children.length >= 4 && tree.children[0]!.type === 'SEQUENCE') {
      // SES_Signature v4: { TBS_Sign, cert, signatureAlgID, signature, [0] timeStamp }
      const tbs = at(tree, [0]);
      verdict.signature = opensslVerifiesWithCertificate(openssl, `tbs-${id}`, content(signedValue, at(tree, [1])), element(signedValue, tbs), bits(signedValue, at(tree, [3])), ID);
      openssl.file(`sig-${id}.xml`, signatureXml);
      openssl.run(['dgst', '-sm3', '-binary', '-out', 'sigxml.sm3', `sig-${id}.xml`]);
      verdict.dataHash = Buffer.compare(readFileSync(join(openssl.dir, 'sigxml.sm3')), bits(signedValue, at(tbs, [3]))) === 0;
      const eseal = at(tbs, [1]);
      verdict.sealMaker = opensslVerifiesWithCertificate(openssl, `maker-${id}`, content(signedValue, at(eseal, [1])), element(signedValue, at(eseal, [0])), bits(signedValue, at(eseal, [3])), ID);
      const sealLoc = /<(?:\w+:)?Seal>\s*<(?:\w+:)?BaseLoc>([^<]+)</.exec(xml)?.[1];
      if (sealLoc) verdict.sealFile = Buffer.compare(read(sealLoc), element(signedValue, eseal)) === 0;
    } else if (options.bareSignatureCertificate) {
      // A bare SM2 signature value over Signature.xml (no certificate in the package).
      verdict.signature = opensslVerifiesWithCertificate(openssl, `bare-${id}`, options.bareSignatureCertificate, signatureXml, signedValue, ID);
    }
    verdicts.push(verdict);
  }
  return verdicts;
}

/** True when every check the independent verdict made passed. */
export function independentlyValid(verdict: IndependentVerdict): boolean {
  return Object.values(verdict.references).every((ok) => ok === true) && [verdict.dataHash, verdict.signature, verdict.sealMaker, verdict.sealFile].every((ok) => ok !== false);
}
