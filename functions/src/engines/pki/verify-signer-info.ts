/**
 * One CMS SignerInfo checked against its content, whatever made it: RSA PKCS#1 v1.5 and RSASSA-PSS,
 * ECDSA on any curve node:crypto knows (P-256, P-384, P-521), digests SHA-1 to SHA-512, with or
 * without signed attributes, DER or BER. Nothing here knows about trust: verifyChain does that.
 */
import { createHash, createVerify, type KeyObject } from 'node:crypto';
import { publicKeyOf } from './public-key';
import { viewCertificate } from './certificate-view';
import { subjectKeyIdIn } from './read-extensions';
import { sameName } from './name-der';
import { essCertIds } from './ess';
import { readTlv, TAG } from './der';
import { contentOf, oidOf } from './der-values';
import { DIGEST_NAMES, OID, WEAK_DIGESTS } from './oids';
import { nodeSignatureAlgorithm, PSS_PADDING } from './signature-algorithms';
import type { SignedDataView, SignerInfoView } from './read-signed-data';
import { bytesEqual, toHex } from './bytes';
import { algorithmOfSignerInfo } from './algorithms';

export interface SignerCheck {
  /** DER of the certificate the signer identifier names, when it is carried (or given). */
  signerCertificate?: Uint8Array;
  /** The digest algorithm's OID. */
  digestAlgorithm: string;
  /** The content's digest with that algorithm (empty when the algorithm is unknown). */
  contentDigest: Uint8Array;
  hasSignedAttributes: boolean;
  /** message-digest equals the content's digest; without signed attributes, the signature covers the content itself. */
  digestMatches: boolean;
  /** The signature verifies with the signer certificate's key. */
  signatureVerifies: boolean;
  /** content-type names the encapsulated content type; null without signed attributes. */
  contentTypeMatches: boolean | null;
  /** ESS signing-certificate(-v2) names the signer certificate; null when neither attribute is there. */
  signingCertificateBound: boolean | null;
  /** The algorithms are ones this verifier can check. */
  supported: boolean;
  /** What is too weak to rely on: 'sha1', 'rsa-1024', … */
  weak: string[];
}

const ECDSA_HASH: Record<string, string> = {
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};
const RSA_HASH: Record<string, string> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha224WithRsa]: 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
};
const MIN_RSA_BITS = 2048;

interface Verifier {
  hash: string;
  keyTypes: string[];
  options: (key: KeyObject) => Parameters<ReturnType<typeof createVerify>['verify']>[0];
}

/** How to verify a SignerInfo's signature: the algorithm it names, or the key type with the digest algorithm. */
function verifierFor(signer: SignerInfoView, digestName: string | undefined): Verifier | undefined {
  const oid = signer.signatureAlgorithmOid;
  const ecdsa = (hash: string | undefined): Verifier | undefined => (hash ? { hash, keyTypes: ['ec'], options: (key) => ({ key, dsaEncoding: 'der' }) } : undefined);
  const rsa = (hash: string | undefined): Verifier | undefined => (hash ? { hash, keyTypes: ['rsa'], options: (key) => key } : undefined);
  if (ECDSA_HASH[oid]) return ecdsa(ECDSA_HASH[oid]);
  if (oid === OID.ecPublicKey) return ecdsa(digestName);
  if (RSA_HASH[oid]) return rsa(RSA_HASH[oid]);
  if (oid === OID.rsaEncryption) return rsa(digestName);
  if (oid === OID.rsassaPss) {
    try {
      const pss = nodeSignatureAlgorithm(signer.signatureAlgorithm);
      if (!pss?.pss) return undefined;
      const saltLength = pss.pss.saltLength;
      return { hash: pss.hash, keyTypes: pss.keyTypes, options: (key) => ({ key, padding: PSS_PADDING, saltLength }) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The certificate a signer identifier names: issuer and serial, or subject key identifier. */
export function findSignerCertificate(signer: SignerInfoView, certificates: Uint8Array[]): Uint8Array | undefined {
  for (const der of certificates) {
    try {
      const view = viewCertificate(der);
      if ('subjectKeyId' in signer.sid) {
        if (subjectKeyIdIn(view) === toHex(signer.sid.subjectKeyId)) return der;
      } else if (bytesEqual(stripZeros(view.serialNumber), stripZeros(signer.sid.serial)) && sameName(view.issuer, signer.sid.issuer)) return der;
    } catch {
      // a carried certificate that does not parse names nobody
    }
  }
  return undefined;
}

const stripZeros = (serial: Uint8Array): Uint8Array => {
  let i = 0;
  while (i < serial.length - 1 && serial[i] === 0) i++;
  return serial.subarray(i);
};

/** The digest of `parts` with a digest algorithm given by OID; undefined when unknown. */
export function digestOf(algorithm: string, parts: Uint8Array[]): Uint8Array | undefined {
  const name = DIGEST_NAMES[algorithm];
  if (!name) return undefined;
  const h = createHash(name);
  for (const part of parts) h.update(part);
  return new Uint8Array(h.digest());
}

/**
 * Checks `signer` of `signedData` over `content` (the detached content's parts, or the
 * encapsulated content): message digest, signature, content type and the ESS binding.
 * `extraCertificates` are searched for the signer's certificate after the carried ones.
 */
export function verifySignerInfo(input: {
  signedData: SignedDataView;
  signer: SignerInfoView;
  content: Uint8Array[];
  /** The content's digest by digest-algorithm OID, when the caller has it already (undefined: hash `content`). */
  digestContent?: (algorithmOid: string) => Uint8Array | undefined;
  extraCertificates?: Uint8Array[];
}): SignerCheck {
  const { signedData, signer, content } = input;
  const signerCertificate = findSignerCertificate(signer, [...signedData.certificates, ...(input.extraCertificates ?? [])]);
  const digestName = DIGEST_NAMES[signer.digestAlgorithm];
  const contentDigest = (digestName && input.digestContent?.(signer.digestAlgorithm)) || digestOf(signer.digestAlgorithm, content) || new Uint8Array(0);
  const verifier = verifierFor(signer, digestName);
  const weak = new Set<string>();
  if (WEAK_DIGESTS.has(signer.digestAlgorithm) || verifier?.hash === 'sha1') weak.add('sha1');
  const hasSignedAttributes = signer.signedAttributes !== undefined;
  let digestMatches = false;
  let contentTypeMatches: boolean | null = null;
  if (hasSignedAttributes) {
    const md = signer.attributes.get(OID.messageDigest);
    digestMatches = !!digestName && md?.length === 1 && isOctetString(md[0]!, contentDigest);
    const ct = signer.attributes.get(OID.contentType)?.[0];
    contentTypeMatches = !!ct && oidOf(ct, readTlv(ct, 0)) === (signedData.eContentType ?? OID.data);
  }
  let signatureVerifies = false;
  // An algorithm of the platform's own table (decision 0045; SM2 is checked only this way) verifies
  // as the table says; anything else made elsewhere is checked with node:crypto below.
  const platform = algorithmOfSignerInfo(signer.signatureAlgorithmOid);
  const spki = signerCertificate ? viewCertificate(signerCertificate).subjectPublicKeyInfo : undefined;
  if (spki && platform?.holdsKey(spki) && platform.hash.oid === signer.digestAlgorithm && hasSignedAttributes) {
    signatureVerifies =
      platform.verify(signer.signedAttributes!, signer.signature, spki) ||
      (!!signer.signedAttributesDer && platform.verify(signer.signedAttributesDer, signer.signature, spki));
  } else if (signerCertificate && verifier) {
    try {
      const key = publicKeyOf(viewCertificate(signerCertificate).subjectPublicKeyInfo);
      const bits = key.asymmetricKeyDetails?.modulusLength;
      if (bits !== undefined && key.asymmetricKeyType?.startsWith('rsa') && bits < MIN_RSA_BITS) weak.add(`rsa-${bits}`);
      if (verifier.keyTypes.includes(key.asymmetricKeyType ?? '')) {
        const check = (parts: Uint8Array[]): boolean => {
          const v = createVerify(verifier.hash);
          for (const part of parts) v.update(part);
          return v.verify(verifier.options(key), signer.signature);
        };
        if (hasSignedAttributes) {
          signatureVerifies = check([signer.signedAttributes!]) || (!!signer.signedAttributesDer && check([signer.signedAttributesDer]));
        } else {
          // Without signed attributes the signature is over the content itself (adbe.pkcs7.detached allows it).
          signatureVerifies = check(content);
          digestMatches = signatureVerifies;
        }
      }
    } catch {
      signatureVerifies = false;
    }
  }
  const ids = essCertIds(signer.attributes);
  const signingCertificateBound =
    ids.length === 0 ? null : !!signerCertificate && ids.some((id) => { const d = digestOf(id.hashAlgorithm, [signerCertificate]); return !!d && bytesEqual(d, id.certHash); });
  return {
    ...(signerCertificate ? { signerCertificate } : {}),
    digestAlgorithm: signer.digestAlgorithm,
    contentDigest,
    hasSignedAttributes,
    digestMatches,
    signatureVerifies,
    contentTypeMatches,
    signingCertificateBound,
    supported: !!digestName && (!!verifier || !!platform),
    weak: [...weak],
  };
}

/** An encoding that is exactly one OCTET STRING holding `expected`. */
function isOctetString(encoding: Uint8Array, expected: Uint8Array): boolean {
  try {
    const tlv = readTlv(encoding, 0);
    return tlv.tag === TAG.octetString && tlv.end === encoding.length && bytesEqual(contentOf(encoding, tlv), expected);
  } catch {
    return false;
  }
}
