import { OID } from './oids';
import { algorithmByIdentifier } from './algorithms';
import { formatName } from './names';
import { readNameDer, sameName } from './name-der';
import { reasonFromCode, type Revocation } from './revocation';
import { readExtensionList, viewCertificate } from './certificate-view';
import { authorityKeyIdIn, extensionOf, keyUsagesIn } from './read-extensions';
import { integerHex } from './der-values';
import { children, decodeTime, readTlv, TAG, type Tlv } from './der';
import { bytesEqual, toHex } from './bytes';
import { PkiError } from './errors';

export interface ParsedCrl {
  issuer: string;
  /** DER of the issuer Name, to match certificates' issuers (`sameName`). */
  issuerName: Uint8Array;
  authorityKeyIdentifier?: string;
  thisUpdate: Date;
  nextUpdate?: Date;
  crlNumber?: bigint;
  entries: Revocation[];
  /** Present when parseCrl was given the issuer certificate. */
  signatureValid?: boolean;
}

const CRL_REASON_OID = new Uint8Array([0x55, 0x1d, 0x15]);

/**
 * Reads a DER X.509 CRL. With `issuerCertificate`, also checks the CRL's signature and that the issuer
 * may sign CRLs (keyUsage cRLSign); a CRL whose signature fails must not be used for status.
 * The entry list is walked with the small DER reader (der.ts) so large CRLs read in linear time.
 */
export function parseCrl(der: Uint8Array, options: { issuerCertificate?: Uint8Array } = {}): ParsedCrl {
  try {
    return parse(der, options);
  } catch (cause) {
    if (cause instanceof PkiError) throw cause;
    throw new PkiError('PKI_MALFORMED', '证书吊销列表格式无法识别', { cause });
  }
}

function parse(der: Uint8Array, options: { issuerCertificate?: Uint8Array }): ParsedCrl {
  const malformed = () => new PkiError('PKI_MALFORMED', '证书吊销列表格式无法识别');
  const top = readTlv(der, 0);
  if (top.tag !== TAG.sequence || top.end !== der.length) throw malformed();
  const [tbs, algorithm, signatureValue, ...extra] = children(der, top);
  if (!tbs || !algorithm || !signatureValue || extra.length > 0 || signatureValue.tag !== TAG.bitString) throw malformed();
  const fields = children(der, tbs);
  const next = (accept: (item: Tlv) => boolean): Tlv | undefined => (fields[0] && accept(fields[0]) ? fields.shift() : undefined);
  const isTime = (item: Tlv) => item.tag === TAG.utcTime || item.tag === TAG.generalizedTime;
  next((item) => item.tag === TAG.integer); // version
  const innerAlgorithm = next((item) => item.tag === TAG.sequence);
  const issuerTlv = next((item) => item.tag === TAG.sequence);
  const thisUpdate = next(isTime);
  if (!innerAlgorithm || !issuerTlv || !thisUpdate) throw malformed();
  const nextUpdate = next(isTime);
  const revoked = next((item) => item.tag === TAG.sequence);
  const extensionsTlv = next((item) => item.tag === 0xa0);
  if (fields.length > 0) throw malformed();

  const issuerName = slice(der, issuerTlv);
  const crl = { extensions: extensionsTlv ? readExtensionList(der, extensionsTlv, 0xa0) : [] };
  const crlNumber = extensionOf(crl, OID.crlNumber)?.value;
  const parsed: ParsedCrl = {
    issuer: formatName(readNameDer(issuerName)),
    issuerName,
    authorityKeyIdentifier: authorityKeyIdIn(crl),
    thisUpdate: decodeTime(der, thisUpdate),
    ...(nextUpdate ? { nextUpdate: decodeTime(der, nextUpdate) } : {}),
    ...(crlNumber ? { crlNumber: BigInt(`0x${integerHex(crlNumber, readTlv(crlNumber, 0))}`) } : {}),
    entries: revoked ? children(der, revoked).map((entry) => readEntry(der, entry)) : [],
  };
  if (options.issuerCertificate) {
    const issuer = viewCertificate(options.issuerCertificate);
    const signature = der.subarray(signatureValue.contentStart + 1, signatureValue.end); // skip the unused-bits byte
    // Only an algorithm the platform signs with, named the same inside and outside the TBS.
    const signedWith = algorithmByIdentifier(slice(der, algorithm));
    parsed.signatureValid =
      (keyUsagesIn(issuer)?.has('cRLSign') ?? true) &&
      sameName(issuerName, issuer.subject) &&
      signedWith !== undefined &&
      bytesEqual(slice(der, algorithm), signedWith.signatureAlgorithmDer) &&
      bytesEqual(slice(der, innerAlgorithm), signedWith.signatureAlgorithmDer) &&
      signedWith.verify(slice(der, tbs), signature, issuer.subjectPublicKeyInfo);
  }
  return parsed;
}

function readEntry(der: Uint8Array, entry: Tlv): Revocation {
  const [serial, date, extensions] = children(der, entry);
  if (!serial || serial.tag !== TAG.integer || !date) throw new PkiError('PKI_MALFORMED', '吊销条目格式无效');
  const hex = toHex(der.subarray(serial.contentStart, serial.end)).replace(/^(00)+(?=.)/, '');
  let reason = 0;
  for (const extension of extensions ? children(der, extensions) : []) {
    const parts = children(der, extension);
    const [oid] = parts;
    const value = parts[parts.length - 1];
    if (oid && value && value.tag === TAG.octetString && bytesEqual(der.subarray(oid.contentStart, oid.end), CRL_REASON_OID)) {
      const enumerated = readTlv(der, value.contentStart, value.end);
      if (enumerated.tag === TAG.enumerated && enumerated.end - enumerated.contentStart === 1) reason = der[enumerated.contentStart] ?? 0;
    }
  }
  return { serialNumber: hex, revokedAt: decodeTime(der, date), reason: reasonFromCode(reason) };
}

function slice(der: Uint8Array, tlv: Tlv): Uint8Array {
  return der.subarray(tlv.start, tlv.end);
}
