import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { DigestSigner } from './digest-signer';
import { OID } from './oids';
import { REVOCATION_REASONS, type Revocation } from './revocation';
import { authorityKeyIdentifierExtension, keyIdentifierOf } from './extensions';
import { parseCertificate, subjectKeyIdentifierOf } from './certificate';
import { ecdsaWithSha256, integerFrom, signTbs, x509Time } from './sign-tbs';
import { fromHex, toArrayBuffer } from './bytes';
import { PkiError } from './errors';

export interface CrlRequest {
  /** The CA key (the same key that issued the certificates listed). */
  signer: DigestSigner;
  issuerCertificate: Uint8Array;
  entries: Revocation[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonically increasing per issuer (RFC 5280 §5.2.3). */
  crlNumber: bigint | number;
}

/** An X.509 v2 CRL with CRL number, AKI and a reason code per entry, signed through the DigestSigner. DER. */
export async function createCrl(request: CrlRequest): Promise<Uint8Array> {
  if (request.nextUpdate <= request.thisUpdate) throw new PkiError('PKI_BAD_INPUT', 'nextUpdate must be later than thisUpdate');
  const issuer = parseCertificate(request.issuerCertificate);
  const keyId = subjectKeyIdentifierOf(issuer);
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: ecdsaWithSha256(),
    issuer: issuer.subject,
    thisUpdate: x509Time(request.thisUpdate),
    nextUpdate: x509Time(request.nextUpdate),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        authorityKeyIdentifierExtension(keyId ? fromHex(keyId) : keyIdentifierOf(issuer.subjectPublicKeyInfo)),
        new pkijs.Extension({ extnID: OID.crlNumber, critical: false, extnValue: integerFrom(BigInt(request.crlNumber)).toBER(false) }),
      ],
    }),
    signatureAlgorithm: ecdsaWithSha256(),
  });
  // An empty revokedCertificates SEQUENCE is not allowed: leave the field out when nothing is revoked.
  if (request.entries.length > 0) crl.revokedCertificates = request.entries.map(revokedCertificate);
  // encodeTBS is protected on CRLs; toSchema(true) re-encodes and its first element is the TBS.
  const tbsBlock = crl.toSchema(true).valueBlock.value[0];
  if (!tbsBlock) throw new PkiError('PKI_BAD_INPUT', 'could not encode the CRL');
  const signature = await signTbs(request.signer, new Uint8Array(tbsBlock.toBER(false)));
  // Assembled here rather than by pkijs, which re-parses the TBS with asn1js's default limit of
  // 10 000 nodes and so fails beyond about 1 200 revoked certificates.
  const certificateList = new asn1js.Sequence({
    value: [tbsBlock, ecdsaWithSha256().toSchema(), new asn1js.BitString({ valueHex: toArrayBuffer(signature) })],
  });
  return new Uint8Array(certificateList.toBER(false));
}

function revokedCertificate(entry: Revocation): pkijs.RevokedCertificate {
  const reason = entry.reason ?? 'unspecified';
  // RFC 5280 §5.3.1: "unspecified" is expressed by leaving the reason code out.
  const extensions =
    reason === 'unspecified'
      ? undefined
      : new pkijs.Extensions({
          extensions: [new pkijs.Extension({ extnID: OID.crlReason, critical: false, extnValue: new asn1js.Enumerated({ value: REVOCATION_REASONS[reason] }).toBER(false) })],
        });
  return new pkijs.RevokedCertificate({
    userCertificate: integerFrom(fromHex(evenHex(entry.serialNumber))),
    revocationDate: x509Time(entry.revokedAt),
    ...(extensions ? { crlEntryExtensions: extensions } : {}),
  });
}

function evenHex(serial: string): string {
  const hex = serial.replace(/[^0-9a-fA-F]/g, '');
  return hex.length % 2 ? `0${hex}` : hex;
}
