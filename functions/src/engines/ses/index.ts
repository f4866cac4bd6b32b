export { SesError, type SesErrorCode } from './errors';
export { readSeal, readSesSignature, type Seal, type SesSignature } from './read';
export { checkSeal, checkSesSignature, type SealCheck, type SesSignatureCheck, type SesCheckOptions, type SignatureOutcome, type ValidityOutcome } from './verify';
export { assembleSeal, assembleSesSignature, makeSeal, sealInfoDer, tbsSignDer, type SealContent, type SealMaker, type SignatureContent } from './write';
export { certificateFacts, type CertificateFacts } from './certificate';
