import { createHash, verify } from 'node:crypto';
import { OID } from './oids';
import { publicKeyOf } from '../trust/certificates';
import { algorithmBySignatureOid, digestAlgorithmByOid } from '../trust/pki';
import { children, content, issuerAndSerialOf, oidString, readTlv, spkiOf, whole, type Tlv } from './der';

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** One SignerInfo checked against its own attributes: nothing here knows about trust. */
export interface CheckedSignedData {
  /** DER of the certificate matching the signer identifier, if it is in the set. */
  signerCertificate?: Uint8Array;
  /** DER of every certificate carried. */
  certificates: Uint8Array[];
  /** message-digest attribute equals the digest of the content. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureVerifies: boolean;
  /** ESS signing-certificate-v2 names the signer certificate (defeats certificate substitution). */
  signingCertificateBound: boolean;
  eContentType?: string;
  /** Encapsulated content (a TSTInfo in a timestamp token). */
  eContent?: Uint8Array;
  signatureValue: Uint8Array;
  /** Unsigned attributes by OID: DER of each attribute value. */
  unsignedAttributes: Map<string, Uint8Array[]>;
  problems: string[];
}

/**
 * Parses a CMS ContentInfo(SignedData) with a plain DER walker and checks its single signer
 * against the detached content (a PDF's signed byte ranges, digested with the signer's digest
 * algorithm), or its eContent when `detached` is absent; `detached: null` means there is no content
 * to match (a broken ByteRange). The digest and signature algorithms are the platform's table's
 * (an SM2 signature verifies where its entry is); a signature made elsewhere with SHA-256 and
 * another key type (RSA, other curves) is checked as node:crypto does, as pdfsig would.
 */
export function checkSignedData(der: Uint8Array, detached?: Uint8Array[] | null): CheckedSignedData {
  const top = readTlv(der, 0);
  const [type, explicit] = children(der, top);
  if (oidString(der, type) !== OID.signedData || explicit?.tag !== 0xa0) throw new Error('CMS is not SignedData');
  const sd = children(der, children(der, explicit)[0]!);
  const encap = children(der, sd[2]!);
  const eContentType = oidString(der, encap[0]);
  const eContentOctets = encap[1] ? children(der, encap[1])[0] : undefined;
  // Other CMS writers (pkijs by default) put eContent in a constructed OCTET STRING (BER): join its pieces.
  const eContent =
    eContentOctets?.tag === 0x04
      ? content(der, eContentOctets)
      : eContentOctets?.tag === 0x24
        ? new Uint8Array(Buffer.concat(children(der, eContentOctets).map((c) => content(der, c))))
        : undefined;
  let i = 3;
  const certificates: Uint8Array[] = [];
  if (sd[i]?.tag === 0xa0) certificates.push(...children(der, sd[i++]!).filter((c) => c.tag === 0x30).map((c) => whole(der, c)));
  if (sd[i]?.tag === 0xa1) i++;
  const signerInfos = sd[i] ? children(der, sd[i]!) : [];
  if (signerInfos.length !== 1) throw new Error('expected exactly one signer');
  const si = children(der, signerInfos[0]!);
  const problems: string[] = [];
  let j = 3;
  const signedAttrs = si[j]?.tag === 0xa0 ? si[j++] : undefined;
  const signatureOid = si[j]?.tag === 0x30 ? oidString(der, children(der, si[j]!)[0]) : undefined;
  j++;
  const sigBlock = si[j++];
  const unsignedAttrs = si[j]?.tag === 0xa1 ? si[j] : undefined;
  if (sigBlock?.tag !== 0x04) throw new Error('no signature value');
  const signatureValue = content(der, sigBlock);
  const hash = digestAlgorithmByOid(oidString(der, children(der, si[2]!)[0]));
  if (!hash) problems.push('digest algorithm is not supported');

  const attributes = (block: Tlv | undefined): Map<string, Tlv[]> =>
    new Map(block ? children(der, block).map((a) => { const [t, v] = children(der, a); return [oidString(der, t) ?? '', v ? children(der, v) : []]; }) : []);
  const signed = attributes(signedAttrs);
  if (!signedAttrs) problems.push('no signed attributes');

  const [sidIssuer, sidSerial] = si[1]?.tag === 0x30 ? children(der, si[1]) : [];
  const signerCertificate =
    sidIssuer && sidSerial
      ? certificates.find((c) => {
          const id = issuerAndSerialOf(c);
          return Buffer.from(id.issuer).equals(Buffer.from(whole(der, sidIssuer))) && Buffer.from(id.serial).equals(Buffer.from(whole(der, sidSerial)));
        })
      : undefined;
  const md = signed.get(OID.messageDigest)?.[0];
  const digested = detached === undefined ? (eContent ? [eContent] : undefined) : detached ?? undefined;
  const expected = hash && digested ? hash.digest(...digested) : undefined;
  const digestMatches = !!expected && md?.tag === 0x04 && Buffer.from(content(der, md)).equals(Buffer.from(expected));
  let signatureVerifies = false;
  if (signedAttrs && signerCertificate) {
    // The signature covers the attributes as they were encoded, re-tagged as a SET.
    const encoded = Buffer.from(whole(der, signedAttrs));
    encoded[0] = 0x31;
    const platform = algorithmBySignatureOid(signatureOid);
    const spki = spkiOf(signerCertificate);
    if (platform?.holdsKey(spki)) signatureVerifies = platform.hash === hash && platform.verify(encoded, signatureValue, spki);
    else if (hash?.oid === OID.sha256) {
      try {
        signatureVerifies = verify('sha256', encoded, { key: publicKeyOf(signerCertificate), dsaEncoding: 'der' }, signatureValue);
      } catch {
        signatureVerifies = false;
      }
    }
  }
  const ess = signed.get(OID.signingCertificateV2)?.[0];
  const signingCertificateBound = !!signerCertificate && !!ess && essNamesCertificate(der, ess, signerCertificate);
  const unsignedAttributes = new Map([...attributes(unsignedAttrs)].map(([k, v]) => [k, v.map((t) => whole(der, t))]));
  return { signerCertificate, certificates, digestMatches, signatureVerifies, signingCertificateBound, eContentType, eContent, signatureValue, unsignedAttributes, problems };
}

/** SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm], certHash, ... } }: the first must hash to the signer. */
function essNamesCertificate(der: Uint8Array, value: Tlv, cert: Uint8Array): boolean {
  const first = children(der, children(der, value)[0] ?? value)[0];
  if (!first) return false;
  const parts = children(der, first);
  const hashAlg = parts[0]?.tag === 0x30 ? parts[0] : undefined;
  if (hashAlg && oidString(der, children(der, hashAlg)[0]) !== OID.sha256) return false;
  const hash = parts[hashAlg ? 1 : 0];
  return hash?.tag === 0x04 && Buffer.from(content(der, hash)).equals(sha256(cert));
}
