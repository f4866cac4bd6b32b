import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificationRequest, CertificationRequestInfo } from '@peculiar/asn1-csr';
import { id_ecdsaWithSHA256 } from '@peculiar/asn1-ecc';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  Name,
  RelativeDistinguishedName,
  SubjectPublicKeyInfo,
} from '@peculiar/asn1-x509';

const CN = '2.5.4.3';
const SERIAL_NUMBER = '2.5.4.5';

/**
 * A PKCS#10 request for the token's key, signed on the token: the subject names the key and
 * carries the token's serial (serialNumber), so the platform reads the serial from the signed
 * request. The platform writes its own subject into the certificate; it only needs the key, the
 * proof of possession and the serial.
 */
export function certificationRequest(input: {
  publicKey: Uint8Array;
  commonName: string;
  tokenSerial: string;
  signDigest: (digest: Uint8Array) => Uint8Array;
}): Uint8Array {
  const rdn = (type: string, text: string) =>
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value: new AttributeValue({ utf8String: text }) })]);
  const info = new CertificationRequestInfo({
    subject: new Name([rdn(CN, input.commonName), rdn(SERIAL_NUMBER, input.tokenSerial)]),
    subjectPKInfo: AsnConvert.parse(input.publicKey, SubjectPublicKeyInfo),
  });
  const tbs = new Uint8Array(AsnConvert.serialize(info));
  const signature = input.signDigest(createHash('sha256').update(tbs).digest());
  const request = new CertificationRequest({
    certificationRequestInfo: info,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: id_ecdsaWithSHA256 }),
    signature: signature.slice().buffer,
  });
  return new Uint8Array(AsnConvert.serialize(request));
}
