/**
 * GB/T 38540-2020 (v4) and GM/T 0031-2014 (v1) seal structures as asn1-schema classes.
 * The decorators are applied as plain calls (the project compiles without experimentalDecorators).
 *
 * Every part that is signed is declared `Any`: parsing keeps its original bytes, and writing puts
 * bytes in as they are. So a signature is checked over exactly the bytes that were signed, and a
 * structure is built by signing its part first and then wrapping the signed bytes.
 */
import { AsnArray, AsnBitStringConverter, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes, OctetString, type IAsnConverter } from '@peculiar/asn1-schema';

type Ctor<T> = new () => T;

/**
 * Signatures and hashes are whole octets: a BIT STRING that claims unused bits is refused, or one
 * changed byte (the unused-bits count) would leave the value read, and so the check, unchanged.
 */
const octetsBitString: IAsnConverter<ArrayBuffer> = {
  fromASN: (value) => {
    if ((value as unknown as { valueBlock: { unusedBits: number } }).valueBlock.unusedBits !== 0) throw new Error('a BIT STRING with unused bits where whole octets are expected');
    return AsnBitStringConverter.fromASN(value as never);
  },
  toASN: (value: ArrayBuffer) => AsnBitStringConverter.toASN(value),
};
const bitString = { type: AsnPropTypes.BitString, converter: octetsBitString } as const;
const sequence = <T>(cls: Ctor<T>) => AsnType({ type: AsnTypeTypes.Sequence })(cls);
const prop = <T>(cls: Ctor<T>, key: keyof T & string, options: Parameters<typeof AsnProp>[0]) => AsnProp(options)(cls.prototype as object, key);

/** SES_Header ::= SEQUENCE { ID IA5String ("ES"), version INTEGER, Vid IA5String } */
export class SesHeader {
  id = 'ES';
  version = 4;
  vid = '';
}
sequence(SesHeader);
prop(SesHeader, 'id', { type: AsnPropTypes.IA5String });
prop(SesHeader, 'version', { type: AsnPropTypes.Integer });
prop(SesHeader, 'vid', { type: AsnPropTypes.IA5String });

/** ExtData ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
export class ExtData {
  extnId = '';
  /** Kept as found: some writers put an explicit FALSE, and re-encoding must give the same bytes. */
  critical?: boolean;
  extnValue = new OctetString();
}
sequence(ExtData);
prop(ExtData, 'extnId', { type: AsnPropTypes.ObjectIdentifier });
prop(ExtData, 'critical', { type: AsnPropTypes.Boolean, optional: true });
prop(ExtData, 'extnValue', { type: OctetString });

/** SES_ESPictrueInfo ::= SEQUENCE { type IA5String, data OCTET STRING, width INTEGER, height INTEGER } (mm) */
export class SesPictureInfo {
  type = '';
  data = new OctetString();
  width = 0;
  height = 0;
}
sequence(SesPictureInfo);
prop(SesPictureInfo, 'type', { type: AsnPropTypes.IA5String });
prop(SesPictureInfo, 'data', { type: OctetString });
prop(SesPictureInfo, 'width', { type: AsnPropTypes.Integer });
prop(SesPictureInfo, 'height', { type: AsnPropTypes.Integer });

/**
 * SES_ESPropertyInfo (v4) ::= SEQUENCE { type INTEGER, name UTF8String, certListType INTEGER,
 *   certList SES_CertList, createDate, validStart, validEnd GeneralizedTime }
 * SES_CertList is a CHOICE of two SEQUENCE OFs told apart only by certListType, so it is kept as
 * bytes here and read by `readCertList`.
 */
export class SesPropertyInfoV4 {
  type = 0;
  name = '';
  certListType = 1;
  certList = new ArrayBuffer(0);
  createDate = new Date(0);
  validStart = new Date(0);
  validEnd = new Date(0);
}
sequence(SesPropertyInfoV4);
prop(SesPropertyInfoV4, 'type', { type: AsnPropTypes.Integer });
prop(SesPropertyInfoV4, 'name', { type: AsnPropTypes.Utf8String });
prop(SesPropertyInfoV4, 'certListType', { type: AsnPropTypes.Integer });
prop(SesPropertyInfoV4, 'certList', { type: AsnPropTypes.Any });
prop(SesPropertyInfoV4, 'createDate', { type: AsnPropTypes.GeneralizedTime });
prop(SesPropertyInfoV4, 'validStart', { type: AsnPropTypes.GeneralizedTime });
prop(SesPropertyInfoV4, 'validEnd', { type: AsnPropTypes.GeneralizedTime });

/** CertInfoList ::= SEQUENCE OF OCTET STRING (certListType 1: the signers' certificates) */
export class CertInfoList extends AsnArray<OctetString> {
  constructor(items?: OctetString[]) {
    super(items);
    Object.setPrototypeOf(this, CertInfoList.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Sequence, itemType: OctetString })(CertInfoList);

/** CertDigestObj ::= SEQUENCE { type PrintableString, value OCTET STRING } (certListType 2) */
export class CertDigestObj {
  type = '';
  value = new OctetString();
}
sequence(CertDigestObj);
prop(CertDigestObj, 'type', { type: AsnPropTypes.PrintableString });
prop(CertDigestObj, 'value', { type: OctetString });

export class CertDigestList extends AsnArray<CertDigestObj> {
  constructor(items?: CertDigestObj[]) {
    super(items);
    Object.setPrototypeOf(this, CertDigestList.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Sequence, itemType: CertDigestObj })(CertDigestList);

/** SES_SealInfo (v4) ::= SEQUENCE { header, esID IA5String, property, picture, extDatas OPTIONAL } */
export class SesSealInfoV4 {
  header = new SesHeader();
  esId = '';
  property = new SesPropertyInfoV4();
  picture = new SesPictureInfo();
  extDatas?: ExtData[];
}
sequence(SesSealInfoV4);
prop(SesSealInfoV4, 'header', { type: SesHeader });
prop(SesSealInfoV4, 'esId', { type: AsnPropTypes.IA5String });
prop(SesSealInfoV4, 'property', { type: SesPropertyInfoV4 });
prop(SesSealInfoV4, 'picture', { type: SesPictureInfo });
prop(SesSealInfoV4, 'extDatas', { type: ExtData, repeated: 'sequence', optional: true });

/** SESeal (v4) ::= SEQUENCE { eSealInfo, cert OCTET STRING (制章者证书), signAlgID OID, signedValue BIT STRING } */
export class SesSealV4 {
  /** DER of SES_SealInfo: what the seal maker signed. */
  sealInfo = new ArrayBuffer(0);
  cert = new OctetString();
  signAlgId = '';
  signedValue = new ArrayBuffer(0);
}
sequence(SesSealV4);
prop(SesSealV4, 'sealInfo', { type: AsnPropTypes.Any });
prop(SesSealV4, 'cert', { type: OctetString });
prop(SesSealV4, 'signAlgId', { type: AsnPropTypes.ObjectIdentifier });
prop(SesSealV4, 'signedValue', bitString);

/** TBS_Sign (v4) ::= SEQUENCE { version INTEGER (4), eseal SESeal, timeInfo GeneralizedTime, dataHash BIT STRING, propertyInfo IA5String, extDatas OPTIONAL } */
export class TbsSignV4 {
  version = 4;
  /** DER of the SESeal, as found (it carries its own signature). */
  eseal = new ArrayBuffer(0);
  timeInfo = new Date(0);
  dataHash = new ArrayBuffer(0);
  propertyInfo = '';
  extDatas?: ExtData[];
}
sequence(TbsSignV4);
prop(TbsSignV4, 'version', { type: AsnPropTypes.Integer });
prop(TbsSignV4, 'eseal', { type: AsnPropTypes.Any });
prop(TbsSignV4, 'timeInfo', { type: AsnPropTypes.GeneralizedTime });
prop(TbsSignV4, 'dataHash', bitString);
prop(TbsSignV4, 'propertyInfo', { type: AsnPropTypes.IA5String });
prop(TbsSignV4, 'extDatas', { type: ExtData, repeated: 'sequence', optional: true });

/** SES_Signature (v4) ::= SEQUENCE { toSign TBS_Sign, cert OCTET STRING, signatureAlgID OID, signature BIT STRING, timeStamp [0] BIT STRING OPTIONAL } */
export class SesSignatureV4 {
  /** DER of TBS_Sign: what the signer signed. */
  toSign = new ArrayBuffer(0);
  cert = new OctetString();
  signatureAlgId = '';
  signature = new ArrayBuffer(0);
  timeStamp?: ArrayBuffer;
}
sequence(SesSignatureV4);
prop(SesSignatureV4, 'toSign', { type: AsnPropTypes.Any });
prop(SesSignatureV4, 'cert', { type: OctetString });
prop(SesSignatureV4, 'signatureAlgId', { type: AsnPropTypes.ObjectIdentifier });
prop(SesSignatureV4, 'signature', bitString);
prop(SesSignatureV4, 'timeStamp', { ...bitString, context: 0, optional: true });

// ——— GM/T 0031-2014 (v1) ———

/** SES_ESPropertyInfo (v1) ::= SEQUENCE { type INTEGER, name UTF8String, certList SEQUENCE OF OCTET STRING, createDate, validStart, validEnd UTCTime } */
export class SesPropertyInfoV1 {
  type = 0;
  name = '';
  certList: OctetString[] = [];
  createDate = new Date(0);
  validStart = new Date(0);
  validEnd = new Date(0);
}
sequence(SesPropertyInfoV1);
prop(SesPropertyInfoV1, 'type', { type: AsnPropTypes.Integer });
prop(SesPropertyInfoV1, 'name', { type: AsnPropTypes.Utf8String });
prop(SesPropertyInfoV1, 'certList', { type: OctetString, repeated: 'sequence' });
prop(SesPropertyInfoV1, 'createDate', { type: AsnPropTypes.UTCTime });
prop(SesPropertyInfoV1, 'validStart', { type: AsnPropTypes.UTCTime });
prop(SesPropertyInfoV1, 'validEnd', { type: AsnPropTypes.UTCTime });

export class SesSealInfoV1 {
  header = new SesHeader();
  esId = '';
  property = new SesPropertyInfoV1();
  picture = new SesPictureInfo();
  extDatas?: ExtData[];
}
sequence(SesSealInfoV1);
prop(SesSealInfoV1, 'header', { type: SesHeader });
prop(SesSealInfoV1, 'esId', { type: AsnPropTypes.IA5String });
prop(SesSealInfoV1, 'property', { type: SesPropertyInfoV1 });
prop(SesSealInfoV1, 'picture', { type: SesPictureInfo });
prop(SesSealInfoV1, 'extDatas', { type: ExtData, repeated: 'sequence', optional: true });

/** SES_SignInfo (v1) ::= SEQUENCE { cert OCTET STRING, signatureAlgorithm OID, signData BIT STRING } */
export class SesSignInfoV1 {
  cert = new OctetString();
  signatureAlgorithm = '';
  signData = new ArrayBuffer(0);
}
sequence(SesSignInfoV1);
prop(SesSignInfoV1, 'cert', { type: OctetString });
prop(SesSignInfoV1, 'signatureAlgorithm', { type: AsnPropTypes.ObjectIdentifier });
prop(SesSignInfoV1, 'signData', bitString);

/** SESeal (v1) ::= SEQUENCE { esealInfo SES_SealInfo, signInfo SES_SignInfo } */
export class SesSealV1 {
  sealInfo = new ArrayBuffer(0);
  signInfo = new SesSignInfoV1();
}
sequence(SesSealV1);
prop(SesSealV1, 'sealInfo', { type: AsnPropTypes.Any });
prop(SesSealV1, 'signInfo', { type: SesSignInfoV1 });

/** TBS_Sign (v1) ::= SEQUENCE { version, eseal, timeInfo BIT STRING, dataHash BIT STRING, propertyInfo IA5String, cert OCTET STRING, signatureAlgorithm OID } */
export class TbsSignV1 {
  version = 1;
  eseal = new ArrayBuffer(0);
  timeInfo = new ArrayBuffer(0);
  dataHash = new ArrayBuffer(0);
  propertyInfo = '';
  cert = new OctetString();
  signatureAlgorithm = '';
}
sequence(TbsSignV1);
prop(TbsSignV1, 'version', { type: AsnPropTypes.Integer });
prop(TbsSignV1, 'eseal', { type: AsnPropTypes.Any });
prop(TbsSignV1, 'timeInfo', bitString);
prop(TbsSignV1, 'dataHash', bitString);
prop(TbsSignV1, 'propertyInfo', { type: AsnPropTypes.IA5String });
prop(TbsSignV1, 'cert', { type: OctetString });
prop(TbsSignV1, 'signatureAlgorithm', { type: AsnPropTypes.ObjectIdentifier });

/** SES_Signature (v1) ::= SEQUENCE { toSign TBS_Sign, signature BIT STRING } */
export class SesSignatureV1 {
  toSign = new ArrayBuffer(0);
  signature = new ArrayBuffer(0);
}
sequence(SesSignatureV1);
prop(SesSignatureV1, 'toSign', { type: AsnPropTypes.Any });
prop(SesSignatureV1, 'signature', bitString);
