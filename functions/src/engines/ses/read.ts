import { AsnParser } from '@peculiar/asn1-schema';
import { encodeSequence, isSingleElement } from '../pki/der';
import { SesError } from './errors';
import { SealInfoProbe, SealProbe, SesSealV1Parts } from './probe';
import {
  CertDigestList,
  CertInfoList,
  SesSealInfoV1,
  SesSealInfoV4,
  SesSealV1,
  SesSealV4,
  SesSignatureV1,
  SesSignatureV4,
  TbsSignV1,
  TbsSignV4,
  type ExtData,
  type SesPictureInfo,
} from './schema';

/** 印章数据 as read: the fields a person checks, and the bytes that were signed. */
export interface Seal {
  version: 1 | 4;
  vid: string;
  esId: string;
  /** Seal type as the maker numbers it (GB/T 38540 leaves the values to the application). */
  type: number;
  name: string;
  /** v4: 1 = certificates, 2 = certificate digests. v1 always carries certificates. */
  certListType: number;
  /** The certificates allowed to sign with this seal (DER), when certListType is 1. */
  signerCertificates: Uint8Array[];
  /** Digests of those certificates, when certListType is 2. */
  signerCertificateDigests: { type: string; value: Uint8Array }[];
  createDate: Date;
  validStart: Date;
  validEnd: Date;
  picture: { type: string; data: Uint8Array; widthMm: number; heightMm: number };
  extensions: { id: string; critical: boolean; value: Uint8Array }[];
  /** The seal maker's (制章者) certificate, DER. */
  makerCertificate: Uint8Array;
  makerSignatureAlgorithm: string;
  makerSignature: Uint8Array;
  /** DER of the seal info (SES_SealInfo), as found. */
  sealInfoDer: Uint8Array;
  /** What the maker signed: v4 signs the seal info; v1 signs SEQUENCE { sealInfo, cert, algorithm }. */
  makerSignedBytes: Uint8Array;
  /** The whole seal, as found. */
  der: Uint8Array;
}

/** 签章数据 as read. */
export interface SesSignature {
  version: 1 | 4;
  /** DER of TBS_Sign, exactly the signed bytes. */
  toBeSigned: Uint8Array;
  seal: Seal;
  /** v4: the signing time; v1: the time field's raw bytes as text where it is printable. */
  timeInfo: Date | undefined;
  dataHash: Uint8Array;
  propertyInfo: string;
  extensions: Seal['extensions'];
  signerCertificate: Uint8Array;
  signatureAlgorithm: string;
  signature: Uint8Array;
  /** v4 only: a timestamp over the signature value (GB/T 20520 token, DER), when present. */
  timeStamp?: Uint8Array;
  der: Uint8Array;
}

/** Reads a seal of either version (v4 GB/T 38540, v1 GM/T 0031). */
export function readSeal(der: Uint8Array): Seal {
  const version = probeSealVersion(der);
  return version === 4 ? readSealV4(der) : readSealV1(der);
}

/** Reads a seal signature of either version. */
export function readSesSignature(der: Uint8Array): SesSignature {
  const v4 = tryParse(der, SesSignatureV4);
  if (v4) {
    const tbs = parse(new Uint8Array(v4.toSign), TbsSignV4, 'TBS_Sign');
    if (tbs.version !== 4) throw new SesError('SES_UNSUPPORTED_VERSION', `TBS_Sign version ${tbs.version} in a v4 structure`);
    return {
      version: 4,
      toBeSigned: new Uint8Array(v4.toSign),
      seal: readSeal(new Uint8Array(tbs.eseal)),
      timeInfo: tbs.timeInfo,
      dataHash: new Uint8Array(tbs.dataHash),
      propertyInfo: tbs.propertyInfo,
      extensions: extensions(tbs.extDatas),
      signerCertificate: new Uint8Array(v4.cert.buffer),
      signatureAlgorithm: v4.signatureAlgId,
      signature: new Uint8Array(v4.signature),
      ...(v4.timeStamp ? { timeStamp: new Uint8Array(v4.timeStamp) } : {}),
      der,
    };
  }
  const v1 = tryParse(der, SesSignatureV1);
  if (!v1) throw new SesError('SES_MALFORMED', 'not a v4 or v1 SES_Signature');
  const tbs = parse(new Uint8Array(v1.toSign), TbsSignV1, 'TBS_Sign');
  if (tbs.version < 1 || tbs.version > 3) throw new SesError('SES_UNSUPPORTED_VERSION', `TBS_Sign version ${tbs.version}`);
  return {
    version: 1,
    toBeSigned: new Uint8Array(v1.toSign),
    seal: readSeal(new Uint8Array(tbs.eseal)),
    timeInfo: undefined,
    dataHash: new Uint8Array(tbs.dataHash),
    propertyInfo: tbs.propertyInfo,
    extensions: [],
    signerCertificate: new Uint8Array(tbs.cert.buffer),
    signatureAlgorithm: tbs.signatureAlgorithm,
    signature: new Uint8Array(v1.signature),
    der,
  };
}

function readSealV4(der: Uint8Array): Seal {
  const seal = parse(der, SesSealV4, 'SESeal');
  const sealInfoDer = new Uint8Array(seal.sealInfo);
  const info = parse(sealInfoDer, SesSealInfoV4, 'SES_SealInfo');
  const { property } = info;
  const certList = readCertList(property.certListType, new Uint8Array(property.certList));
  return {
    version: 4,
    vid: info.header.vid,
    esId: info.esId,
    type: property.type,
    name: property.name,
    certListType: property.certListType,
    ...certList,
    createDate: property.createDate,
    validStart: property.validStart,
    validEnd: property.validEnd,
    picture: picture(info.picture),
    extensions: extensions(info.extDatas),
    makerCertificate: new Uint8Array(seal.cert.buffer),
    makerSignatureAlgorithm: seal.signAlgId,
    makerSignature: new Uint8Array(seal.signedValue),
    sealInfoDer,
    makerSignedBytes: sealInfoDer,
    der,
  };
}

function readSealV1(der: Uint8Array): Seal {
  const seal = parse(der, SesSealV1, 'SESeal (v1)');
  const sealInfoDer = new Uint8Array(seal.sealInfo);
  const info = parse(sealInfoDer, SesSealInfoV1, 'SES_SealInfo (v1)');
  const { property } = info;
  return {
    version: 1,
    vid: info.header.vid,
    esId: info.esId,
    type: property.type,
    name: property.name,
    certListType: 1,
    signerCertificates: property.certList.map((c) => new Uint8Array(c.buffer)),
    signerCertificateDigests: [],
    createDate: property.createDate,
    validStart: property.validStart,
    validEnd: property.validEnd,
    picture: picture(info.picture),
    extensions: extensions(info.extDatas),
    makerCertificate: new Uint8Array(seal.signInfo.cert.buffer),
    makerSignatureAlgorithm: seal.signInfo.signatureAlgorithm,
    makerSignature: new Uint8Array(seal.signInfo.signData),
    sealInfoDer,
    // GM/T 0031: the maker signs SEQUENCE { sealInfo, cert, signatureAlgorithm }.
    makerSignedBytes: v1MakerSignedBytes(der),
    der,
  };
}

/** The v1 maker's signed text: DER SEQUENCE { sealInfo, cert OCTET STRING, signatureAlgorithm OID }, each element as found. */
function v1MakerSignedBytes(der: Uint8Array): Uint8Array {
  const raw = parse(der, SesSealV1Parts, 'SESeal (v1)');
  return encodeSequence([new Uint8Array(raw.sealInfo), new Uint8Array(raw.signInfo.cert), new Uint8Array(raw.signInfo.signatureAlgorithm)]);
}

/** The version in SES_Header decides the schema: 4 is GB/T 38540, 1–3 GM/T 0031. */
function probeSealVersion(der: Uint8Array): 1 | 4 {
  const probe = tryParse(der, SealProbe);
  if (!probe) throw new SesError('SES_MALFORMED', 'not an SESeal');
  const header = tryParse(new Uint8Array(probe.sealInfo), SealInfoProbe);
  if (!header || header.header.id !== 'ES') throw new SesError('SES_MALFORMED', 'the seal has no ES header');
  const { version } = header.header;
  if (version === 4) return 4;
  if (version >= 1 && version <= 3) return 1;
  throw new SesError('SES_UNSUPPORTED_VERSION', `seal header version ${version}`);
}

/** SES_CertList: certificates (type 1) or certificate digests (type 2). */
function readCertList(certListType: number, der: Uint8Array): Pick<Seal, 'signerCertificates' | 'signerCertificateDigests'> {
  if (certListType === 1) return { signerCertificates: [...parse(der, CertInfoList, 'CertInfoList')].map((c) => new Uint8Array(c.buffer)), signerCertificateDigests: [] };
  if (certListType === 2) {
    const digests = [...parse(der, CertDigestList, 'CertDigestList')].map((d) => ({ type: d.type, value: new Uint8Array(d.value.buffer) }));
    return { signerCertificates: [], signerCertificateDigests: digests };
  }
  throw new SesError('SES_MALFORMED', `certListType ${certListType} is neither 1 nor 2`);
}

function picture(info: SesPictureInfo): Seal['picture'] {
  return { type: info.type, data: new Uint8Array(info.data.buffer), widthMm: info.width, heightMm: info.height };
}

function extensions(list: ExtData[] | undefined): Seal['extensions'] {
  return (list ?? []).map((e) => ({ id: e.extnId, critical: e.critical ?? false, value: new Uint8Array(e.extnValue.buffer) }));
}

function parse<T>(der: Uint8Array, type: new () => T, what: string): T {
  if (!isSingleElement(der)) throw new SesError('SES_MALFORMED', `${what} is not exactly one DER element`);
  try {
    return AsnParser.parse(der, type);
  } catch (cause) {
    throw new SesError('SES_MALFORMED', `not a DER ${what}`, { cause });
  }
}

function tryParse<T>(der: Uint8Array, type: new () => T): T | undefined {
  if (!isSingleElement(der)) return undefined;
  try {
    return AsnParser.parse(der, type);
  } catch {
    return undefined;
  }
}
