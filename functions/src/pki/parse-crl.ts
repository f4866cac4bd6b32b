import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids';
import { formatName, readName } from './names';
import { reasonFromCode, type Revocation } from './revocation';
import { authorityKeyIdentifierOf, findExtension, keyUsagesOf, parseCertificate, serialHex } from './certificate';
import { ecdsaSha256Verifies } from './ecdsa';
import { toArrayBuffer } from './bytes';
import { PkiError } from './errors';

export interface ParsedCrl {
  issuer: string;
  /** The issuer name as pkijs reads it, to match certificates' issuers. */
  issuerName: pkijs.RelativeDistinguishedNames;
  authorityKeyIdentifier?: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  crlNumber?: bigint;
  entries: Revocation[];
  /** Present when parseCrl was given the issuer certificate. */
  signatureValid?: boolean;
}

/**
 * Reads a DER X.509 CRL. With `issuerCertificate`, also checks the CRL's signature and that the issuer
 * may sign CRLs (keyUsage cRLSign); a CRL whose signature fails must not be used for status.
 */
export function parseCrl(der: Uint8Array, options: { issuerCertificate?: Uint8Array } = {}): ParsedCrl {
  let crl: pkijs.CertificateRevocationList;
  try {
    // A CRL has ~8 ASN.1 nodes per entry: raise asn1js's default limits (10 000 nodes, 16 MiB) in
    // proportion to the input, which still bounds the work by the size of the bytes received.
    const asn1 = asn1js.fromBER(toArrayBuffer(der), { maxNodes: Math.max(10_000, der.length), maxContentLength: Math.max(16 << 20, der.length) });
    if (asn1.offset === -1 || asn1.offset !== der.length) throw new Error('not exactly one DER value');
    crl = new pkijs.CertificateRevocationList({ schema: asn1.result });
  } catch (cause) {
    throw new PkiError('PKI_MALFORMED', '证书吊销列表格式无法识别', { cause });
  }
  const crlNumber = findExtension({ extensions: crl.crlExtensions?.extensions }, OID.crlNumber)?.parsedValue;
  const parsed: ParsedCrl = {
    issuer: formatName(readName(crl.issuer)),
    issuerName: crl.issuer,
    authorityKeyIdentifier: authorityKeyIdentifierOf({ extensions: crl.crlExtensions?.extensions }),
    thisUpdate: crl.thisUpdate.value,
    ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate.value } : {}),
    ...(crlNumber instanceof asn1js.Integer ? { crlNumber: BigInt(`0x${serialHex(crlNumber)}`) } : {}),
    entries: (crl.revokedCertificates ?? []).map((entry) => {
      const reason = findExtension({ extensions: entry.crlEntryExtensions?.extensions }, OID.crlReason)?.parsedValue;
      return {
        serialNumber: serialHex(entry.userCertificate),
        revokedAt: entry.revocationDate.value,
        reason: reason instanceof asn1js.Enumerated ? reasonFromCode(reason.valueBlock.valueDec) : 'unspecified',
      };
    }),
  };
  if (options.issuerCertificate) {
    const issuer = parseCertificate(options.issuerCertificate);
    const spki = new Uint8Array(issuer.subjectPublicKeyInfo.toSchema().toBER(false));
    const mayIssueCrls = keyUsagesOf(issuer)?.has('cRLSign') ?? true;
    parsed.signatureValid =
      mayIssueCrls &&
      crl.issuer.isEqual(issuer.subject) &&
      crl.signatureAlgorithm.algorithmId === OID.ecdsaWithSha256 &&
      ecdsaSha256Verifies(spki, crl.tbsView, crl.signatureValue.valueBlock.valueHexView);
  }
  return parsed;
}
