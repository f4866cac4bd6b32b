import { AsnConvert, AsnObjectIdentifierConverter } from '@peculiar/asn1-schema';
import { children, concat, encodeSequence, encodeTlv, readTlv, TAG, type Tlv } from '../pki/der';
import { oidOf } from '../pki/der-values';
import { OID } from '../pki/oids';
import { readContainer, writeContainer, type ContainerLimits } from './container';
import { readDocuments } from './document';
import { OfdError } from './errors';
import { readSignatureList } from './signature-files';

/**
 * Long-term validation data of one OFD seal signature (decision 0195): the certificates, CRLs and
 * OCSP responses that show the signer's certificate was good when it signed. GB/T 33190 and
 * GB/T 38540 have no place for them (no DSS), so they are a file beside the signature, in its own
 * Sign_N/ directory, that no reference list of that signature covers: a "certs-only" CMS
 * SignedData (RFC 5652, as .p7c files and `openssl crl2pkcs7` make), OCSP responses in it as
 * RFC 5940 other revocation info (id-ri-ocsp-response). Every item is signed by its issuer, so it
 * needs no signature of its own.
 */
export const VALIDATION_DATA_FILE = 'ValidationData.p7c';

export interface OfdValidationData {
  certificates: Uint8Array[];
  crls: Uint8Array[];
  ocsps: Uint8Array[];
}

/** At most this many items of each kind are read (as the PDF verifier bounds a DSS, decision 0062). */
export const MAX_VALIDATION_ITEMS = 64;

const OID_SIGNED_DATA = OID.signedData;
const OID_DATA = OID.data;
const OID_RI_OCSP_RESPONSE = OID.riOcspResponse;
const SET = 0x31;
const INTEGER_1 = new Uint8Array([TAG.integer, 1, 1]);

/** The path of a signature's validation data, from the path of its Signature.xml. */
export function validationDataPath(signaturePath: string): string {
  return `${signaturePath.slice(0, signaturePath.lastIndexOf('/') + 1)}${VALIDATION_DATA_FILE}`;
}

/** DER ContentInfo(SignedData) with no content and no signer: only certificates and revocation info. */
export function encodeValidationData(data: OfdValidationData): Uint8Array {
  const ocsps = data.ocsps.map((ocsp) => encodeTlv(0xa1, concat([oid(OID_RI_OCSP_RESPONSE), ocsp])));
  const signedData = encodeSequence([
    INTEGER_1,
    encodeTlv(SET, new Uint8Array(0)),
    encodeSequence([oid(OID_DATA)]),
    encodeTlv(0xa0, sortedSet(data.certificates)),
    encodeTlv(0xa1, sortedSet([...data.crls, ...ocsps])),
    encodeTlv(SET, new Uint8Array(0)),
  ]);
  return encodeSequence([oid(OID_SIGNED_DATA), encodeTlv(0xa0, signedData)]);
}

/**
 * Reads what `encodeValidationData` writes (or any certs-only SignedData); undefined when the bytes
 * are not one. Items that are not certificates, CRLs or OCSP answers prove nothing, as a DSS entry
 * (decision 0170), and are left to the checks that read them.
 */
export function readValidationData(der: Uint8Array): OfdValidationData | undefined {
  try {
    const contentInfo = readTlv(der, 0);
    if (contentInfo.after !== der.length || contentInfo.tag !== TAG.sequence) throw new Error('not one SEQUENCE');
    const [type, explicit] = children(der, contentInfo);
    if (!explicit || oidOf(der, type) !== OID_SIGNED_DATA) throw new Error('not a SignedData');
    const [signedData] = children(der, explicit);
    const fields = children(der, signedData!);
    const field = (tag: number): Tlv[] => {
      const found = fields.find((f) => f.tag === tag);
      return found ? children(der, found).slice(0, MAX_VALIDATION_ITEMS * 2) : [];
    };
    const bytesOf = (tlv: Tlv) => der.slice(tlv.start, tlv.after);
    const certificates = field(0xa0).filter((c) => c.tag === TAG.sequence).slice(0, MAX_VALIDATION_ITEMS).map(bytesOf);
    const revocation = field(0xa1);
    const crls = revocation.filter((r) => r.tag === TAG.sequence).slice(0, MAX_VALIDATION_ITEMS).map(bytesOf);
    const ocsps = revocation
      .filter((r) => r.tag === 0xa1)
      .flatMap((other) => {
        const [format, value] = children(der, other);
        return value && oidOf(der, format) === OID_RI_OCSP_RESPONSE ? [bytesOf(value)] : [];
      })
      .slice(0, MAX_VALIDATION_ITEMS);
    return { certificates, crls, ocsps };
  } catch {
    return undefined;
  }
}

function sortedSet(elements: Uint8Array[]): Uint8Array {
  return concat([...elements].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

const oid = (value: string): Uint8Array => new Uint8Array(AsnConvert.serialize(AsnObjectIdentifierConverter.toASN(value)));

/**
 * Writes the newest signature's validation data beside it (the platform signs the first document,
 * whose signature list names it last). A later signature protects the file with everything else.
 */
export function addValidationData(ofd: Uint8Array, data: OfdValidationData, limits?: ContainerLimits): Uint8Array {
  const files = readContainer(ofd, limits);
  const document = readDocuments(files)[0]!;
  const newest = document.signaturesPath && files.has(document.signaturesPath) ? readSignatureList(files, document.signaturesPath).entries.at(-1) : undefined;
  if (!newest) throw new OfdError('OFD_NOT_SIGNED', 'no signature to keep validation data for');
  files.set(validationDataPath(newest.path), encodeValidationData(data));
  return writeContainer(files);
}
