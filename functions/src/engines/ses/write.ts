import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { OID_SM2_WITH_SM3, type Sm2Signer } from '../gm';
import { SesError } from './errors';
import { CertInfoList, ExtData, SesHeader, SesPictureInfo, SesPropertyInfoV4, SesSealInfoV4, SesSealV4, SesSignatureV4, TbsSignV4 } from './schema';

/** What a GB/T 38540 v4 seal says; the maker's certificate and signature are added by `makeSeal`. */
export interface SealContent {
  /** 电子印章厂商标识: identifies the platform that made the seal. */
  vid: string;
  /** 印章标识: unique, ASCII (IA5String). */
  esId: string;
  type: number;
  name: string;
  /** DER certificates allowed to sign with this seal (certListType 1). */
  signerCertificates: Uint8Array[];
  createDate: Date;
  validStart: Date;
  validEnd: Date;
  /** The picture as stored: type is its format ("PNG", "SVG", "OFD"…); size in millimetres. */
  picture: { type: string; data: Uint8Array; widthMm: number; heightMm: number };
  extensions?: { id: string; critical?: boolean; value: Uint8Array }[];
}

/** The seal maker: its certificate (DER) and an SM2 signer holding its key. */
export interface SealMaker {
  certificate: Uint8Array;
  signer: Sm2Signer;
}

/** DER of SES_SealInfo (v4): what the seal maker signs. */
export function sealInfoDer(content: SealContent): Uint8Array {
  for (const [field, value] of [['vid', content.vid], ['esId', content.esId], ['picture type', content.picture.type]] as const) {
    if (!/^[\x20-\x7e]*$/.test(value)) throw new SesError('SES_BAD_INPUT', `${field} must be printable ASCII (IA5String)`);
  }
  if (content.signerCertificates.length === 0) throw new SesError('SES_BAD_INPUT', 'a seal lists at least one signer certificate');
  const info = Object.assign(new SesSealInfoV4(), {
    header: Object.assign(new SesHeader(), { id: 'ES', version: 4, vid: content.vid }),
    esId: content.esId,
    property: Object.assign(new SesPropertyInfoV4(), {
      type: content.type,
      name: content.name,
      certListType: 1,
      certList: AsnConvert.serialize(new CertInfoList(content.signerCertificates.map((c) => new OctetString(c)))),
      createDate: wholeSeconds(content.createDate),
      validStart: wholeSeconds(content.validStart),
      validEnd: wholeSeconds(content.validEnd),
    }),
    picture: Object.assign(new SesPictureInfo(), {
      type: content.picture.type,
      data: new OctetString(content.picture.data),
      width: content.picture.widthMm,
      height: content.picture.heightMm,
    }),
    ...(content.extensions?.length ? { extDatas: content.extensions.map(extData) } : {}),
  });
  return new Uint8Array(AsnConvert.serialize(info));
}

/** SESeal (v4) from signed seal info: the maker's certificate and its SM2 signature over `sealInfo`. */
export function assembleSeal(sealInfo: Uint8Array, makerCertificate: Uint8Array, makerSignature: Uint8Array): Uint8Array {
  const seal = Object.assign(new SesSealV4(), {
    sealInfo: toArrayBuffer(sealInfo),
    cert: new OctetString(makerCertificate),
    signAlgId: OID_SM2_WITH_SM3,
    signedValue: toArrayBuffer(makerSignature),
  });
  return new Uint8Array(AsnConvert.serialize(seal));
}

/** Makes a GB/T 38540 v4 seal (印章数据) signed by the seal maker. */
export async function makeSeal(content: SealContent, maker: SealMaker): Promise<Uint8Array> {
  const info = sealInfoDer(content);
  return assembleSeal(info, maker.certificate, await maker.signer.sign(info));
}

/** What a seal signature (签章数据, v4) is made of before the signer's signature. */
export interface SignatureContent {
  /** The seal (SESeal DER) being applied, copied byte for byte. */
  seal: Uint8Array;
  signingTime: Date;
  /** SM3 of the data being signed (in OFD, of Sign_N/Signature.xml). */
  dataHash: Uint8Array;
  /** 原文属性: in OFD, the path of the Signature.xml being signed. */
  propertyInfo: string;
  extensions?: SealContent['extensions'];
}

/** DER of TBS_Sign (v4): what the signer signs with SM2. */
export function tbsSignDer(content: SignatureContent): Uint8Array {
  if (!/^[\x20-\x7e]*$/.test(content.propertyInfo)) throw new SesError('SES_BAD_INPUT', 'propertyInfo must be printable ASCII (IA5String)');
  const tbs = Object.assign(new TbsSignV4(), {
    version: 4,
    eseal: toArrayBuffer(content.seal),
    timeInfo: wholeSeconds(content.signingTime),
    dataHash: toArrayBuffer(content.dataHash),
    propertyInfo: content.propertyInfo,
    ...(content.extensions?.length ? { extDatas: content.extensions.map(extData) } : {}),
  });
  return new Uint8Array(AsnConvert.serialize(tbs));
}

/** SES_Signature (v4) from a signed TBS_Sign: the signer's certificate, SM2 signature and optional timestamp token. */
export function assembleSesSignature(input: { toBeSigned: Uint8Array; signerCertificate: Uint8Array; signature: Uint8Array; timeStamp?: Uint8Array }): Uint8Array {
  const signature = Object.assign(new SesSignatureV4(), {
    toSign: toArrayBuffer(input.toBeSigned),
    cert: new OctetString(input.signerCertificate),
    signatureAlgId: OID_SM2_WITH_SM3,
    signature: toArrayBuffer(input.signature),
    ...(input.timeStamp ? { timeStamp: toArrayBuffer(input.timeStamp) } : {}),
  });
  return new Uint8Array(AsnConvert.serialize(signature));
}

function extData(extension: NonNullable<SealContent['extensions']>[number]): ExtData {
  return Object.assign(new ExtData(), {
    extnId: extension.id,
    ...(extension.critical ? { critical: true } : {}),
    extnValue: new OctetString(extension.value),
  });
}

/** GeneralizedTime is written without fractions (DER forbids trailing zeros; readers vary on fractions). */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
