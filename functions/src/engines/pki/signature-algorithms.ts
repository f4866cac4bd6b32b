/**
 * Certificate signature algorithms, read from their DER AlgorithmIdentifier into what node:crypto
 * (OpenSSL) needs to verify them: for certificates made elsewhere (verify-chain-algorithms.test.ts).
 * What the platform signs with is in algorithms.ts.
 */
import { constants } from 'node:crypto';
import { readTlv, TAG } from './der';
import { DIGEST_NAMES, OID } from './oids';
import { algorithmOf, childrenOf, contentOf, ensure } from './der-values';

export interface NodeSignatureAlgorithm {
  hash: string;
  keyTypes: string[];
  /** ECDSA signatures are DER Ecdsa-Sig-Value. */
  dsaEncoding?: 'der';
  /** RSASSA-PSS: padding and salt length from the parameters. */
  pss?: { saltLength: number };
}

const HASHES = DIGEST_NAMES;

const ECDSA: Record<string, string> = {
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

const RSA_PKCS1: Record<string, string> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha224WithRsa]: 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
};

const RSASSA_PSS = OID.rsassaPss;
const MGF1 = OID.mgf1;
const SHA1 = OID.sha1;

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
