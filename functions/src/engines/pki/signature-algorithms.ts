/**
 * Certificate signature algorithms, read from their DER AlgorithmIdentifier into what node:crypto
 * (OpenSSL) needs to verify them: for certificates made elsewhere (verify-chain-algorithms.test.ts).
 * What the platform signs with is in algorithms.ts.
 */
import { constants } from 'node:crypto';
import { readTlv, TAG } from './der';
import { algorithmOf, childrenOf, contentOf, ensure } from './der-values';

export interface NodeSignatureAlgorithm {
  hash: string;
  keyTypes: string[];
  /** ECDSA signatures are DER Ecdsa-Sig-Value. */
  dsaEncoding?: 'der';
  /** RSASSA-PSS: padding and salt length from the parameters. */
  pss?: { saltLength: number };
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

const ECDSA: Record<string, string> = {
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.1': 'sha224',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
};

const RSA_PKCS1: Record<string, string> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.14': 'sha224',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

const RSASSA_PSS = '1.2.840.113549.1.1.10';
const MGF1 = '1.2.840.113549.1.1.8';
const SHA1 = '1.3.14.3.2.26';

/** How to verify with the algorithm `encoding` names; undefined when node:crypto cannot here. */
export function nodeSignatureAlgorithm(encoding: Uint8Array): NodeSignatureAlgorithm | undefined {
  const oid = algorithmOf(encoding, readTlv(encoding, 0));
  if (ECDSA[oid]) return { hash: ECDSA[oid], keyTypes: ['ec'], dsaEncoding: 'der' };
  if (RSA_PKCS1[oid]) return { hash: RSA_PKCS1[oid], keyTypes: ['rsa'] };
  if (oid === RSASSA_PSS) return pssAlgorithm(encoding);
  return undefined;
}

export const PSS_PADDING = constants.RSA_PKCS1_PSS_PADDING;

/**
 * RSASSA-PSS-params { hashAlgorithm [0] DEFAULT sha1, maskGenAlgorithm [1] DEFAULT mgf1SHA1,
 * saltLength [2] DEFAULT 20, trailerField [3] DEFAULT 1 } (RFC 4055 §3.1). OpenSSL's MGF1 uses the
 * signature's hash, so another MGF1 hash is refused.
 */
function pssAlgorithm(encoding: Uint8Array): NodeSignatureAlgorithm | undefined {
  const [, params] = childrenOf(encoding, readTlv(encoding, 0), TAG.sequence);
  const fields = params ? childrenOf(encoding, params, TAG.sequence) : [];
  const field = (tag: number) => {
    const item = fields.find((candidate) => candidate.tag === tag);
    return item ? childrenOf(encoding, item, tag)[0] : undefined;
  };
  const hashField = field(0xa0);
  const hashOid = hashField ? algorithmOf(encoding, hashField) : SHA1;
  const mgf = field(0xa1);
  if (mgf) {
    const [mgfOid, mgfHash] = childrenOf(encoding, mgf, TAG.sequence);
    ensure(mgfOid && mgfHash, 'MaskGenAlgorithm');
    if (algorithmOf(encoding, mgf) !== MGF1 || algorithmOf(encoding, mgfHash) !== hashOid) return undefined;
  } else if (hashOid !== SHA1) return undefined;
  const salt = field(0xa2);
  const trailer = field(0xa3);
  if (trailer && smallInteger(encoding, trailer) !== 1) return undefined;
  const hash = HASHES[hashOid];
  return hash ? { hash, keyTypes: ['rsa', 'rsa-pss'], pss: { saltLength: salt ? smallInteger(encoding, salt) : 20 } } : undefined;
}

function smallInteger(encoding: Uint8Array, tlv: ReturnType<typeof readTlv>): number {
  ensure(tlv.tag === TAG.integer && tlv.end - tlv.contentStart <= 4, 'small INTEGER');
  return contentOf(encoding, tlv).reduce((value, byte) => value * 256 + byte, 0);
}
