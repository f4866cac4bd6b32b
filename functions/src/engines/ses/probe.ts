/**
 * Partial views used to tell versions apart and to get at signed bytes as found. asn1-schema reads
 * only the fields a class declares when the rest are `Any`, so these are cheap.
 */
import { AsnProp, AsnPropTypes, AsnType, AsnTypeTypes } from '@peculiar/asn1-schema';
import { SesHeader } from './schema';

/** SESeal of any version: its first element is the seal info. */
export class SealProbe {
  sealInfo = new ArrayBuffer(0);
  rest = new ArrayBuffer(0);
}
AsnType({ type: AsnTypeTypes.Sequence })(SealProbe);
AsnProp({ type: AsnPropTypes.Any })(SealProbe.prototype, 'sealInfo');
AsnProp({ type: AsnPropTypes.Any })(SealProbe.prototype, 'rest');

/** SES_SealInfo of any version: its first element is the header. */
export class SealInfoProbe {
  header = new SesHeader();
}
AsnType({ type: AsnTypeTypes.Sequence })(SealInfoProbe);
AsnProp({ type: SesHeader })(SealInfoProbe.prototype, 'header');

/** SES_SignInfo (v1) with each element kept as its DER, for the maker's signed text. */
export class SignInfoV1Parts {
  cert = new ArrayBuffer(0);
  signatureAlgorithm = new ArrayBuffer(0);
  signData = new ArrayBuffer(0);
}
AsnType({ type: AsnTypeTypes.Sequence })(SignInfoV1Parts);
AsnProp({ type: AsnPropTypes.Any })(SignInfoV1Parts.prototype, 'cert');
AsnProp({ type: AsnPropTypes.Any })(SignInfoV1Parts.prototype, 'signatureAlgorithm');
AsnProp({ type: AsnPropTypes.Any })(SignInfoV1Parts.prototype, 'signData');

export class SesSealV1Parts {
  sealInfo = new ArrayBuffer(0);
  signInfo = new SignInfoV1Parts();
}
AsnType({ type: AsnTypeTypes.Sequence })(SesSealV1Parts);
AsnProp({ type: AsnPropTypes.Any })(SesSealV1Parts.prototype, 'sealInfo');
AsnProp({ type: SignInfoV1Parts })(SesSealV1Parts.prototype, 'signInfo');
