import { createHash, createPublicKey, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';

const ab = (u: Uint8Array): ArrayBuffer => u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** One SignerInfo checked against its own attributes: nothing here knows about trust. */
export interface CheckedSignedData {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  /** DER of the certificate matching the signer identifier, if it is in the set. */
  signerCertificate?: Uint8Array;
  /** DER of every certificate carried. */
  certificates: Uint8Array[];
  /** message-digest attribute equals the digest of the content. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the signer certificate's key. */
  signatureVerifies: boolean;
  /** ESS signing-certificate(-v2) names the signer certificate (defeats certificate substitution). */
  signingCertificateBound: boolean;
  eContentType?: string;
  /** Encapsulated content (a TSTInfo in a timestamp token). */
  eContent?: Uint8Array;
  signatureValue: Uint8Array;
  problems: string[];
}

/** Parses a CMS ContentInfo(SignedData) and checks its single signer against `contentDigest` (or its eContent). */
export function checkSignedData(der: Uint8Array, contentDigest?: Uint8Array): CheckedSignedData {
  const asn = asn1js.fromBER(ab(der));
  if (asn.offset === -1) throw new Error('CMS is not BER');
  const info = new pkijs.ContentInfo({ schema: asn.result });
  if (info.contentType !== OID.signedData) throw new Error('CMS is not SignedData');
  const signedData = new pkijs.SignedData({ schema: info.content });
  if (signedData.signerInfos.length !== 1) throw new Error('expected exactly one signer');
  const signerInfo = signedData.signerInfos[0]!;
  const certs = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const certificates = certs.map((c) => new Uint8Array(c.toSchema().toBER(false)));
  const problems: string[] = [];
  const sid = signerInfo.sid;
  const index = certs.findIndex((c) =>
    sid instanceof pkijs.IssuerAndSerialNumber ? c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber) : false,
  );
  const signerCertificate = index >= 0 ? certificates[index] : undefined;
  const eContentOctets = signedData.encapContentInfo.eContent;
  const eContent = eContentOctets ? new Uint8Array(eContentOctets.getValue()) : undefined;
  const attrs = signerInfo.signedAttrs;
  const attr = (oid: string): pkijs.Attribute | undefined => attrs?.attributes.find((a) => a.type === oid);
  const mdValue = attr(OID.messageDigest)?.values[0];
  const expected = contentDigest ?? (eContent ? sha256(eContent) : undefined);
  const digestMatches = !!expected && mdValue instanceof asn1js.OctetString && Buffer.from(mdValue.getValue()).equals(Buffer.from(expected));
  if (!attrs) problems.push('no signed attributes');
  if (signerInfo.digestAlgorithm.algorithmId !== OID.sha256) problems.push('digest algorithm is not SHA-256');
  const signatureValue = new Uint8Array(signerInfo.signature.getValue());
  let signatureVerifies = false;
  if (attrs && signerCertificate) {
    // The signature covers the attributes as they were encoded, re-tagged as a SET.
    const encoded = new Uint8Array(attrs.encodedValue.slice(0));
    encoded[0] = 0x31;
    try {
      const key = createPublicKey({ key: Buffer.from(certs[index]!.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' });
      signatureVerifies = verify('sha256', encoded, { key, dsaEncoding: 'der' }, signatureValue);
    } catch {
      signatureVerifies = false;
    }
  }
  const essValue = attr(OID.signingCertificateV2)?.values[0];
  const signingCertificateBound = !!signerCertificate && essNamesCertificate(essValue, signerCertificate);
  return {
    signedData,
    signerInfo,
    signerCertificate,
    certificates,
    digestMatches,
    signatureVerifies,
    signingCertificateBound,
    eContentType: signedData.encapContentInfo.eContentType,
    eContent,
    signatureValue,
    problems,
  };
}

/** SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm], certHash, ... } }: the first must hash to the signer. */
function essNamesCertificate(value: unknown, certificate: Uint8Array): boolean {
  if (!(value instanceof asn1js.Sequence)) return false;
  const certsSeq = value.valueBlock.value[0];
  if (!(certsSeq instanceof asn1js.Sequence)) return false;
  const first = certsSeq.valueBlock.value[0];
  if (!(first instanceof asn1js.Sequence)) return false;
  const parts = first.valueBlock.value;
  const hashAlg = parts[0] instanceof asn1js.Sequence ? parts[0] : undefined;
  const hash = parts[hashAlg ? 1 : 0];
  if (hashAlg) {
    const oid = hashAlg.valueBlock.value[0];
    if (!(oid instanceof asn1js.ObjectIdentifier) || oid.valueBlock.toString() !== OID.sha256) return false;
  }
  return hash instanceof asn1js.OctetString && Buffer.from(hash.getValue()).equals(sha256(certificate));
}
