export { OfdError, type OfdErrorCode } from './errors';
export { DEFAULT_LIMITS, readContainer, writeContainer, type ContainerLimits, type OfdFiles } from './container';
export { pageBox, readDocuments, type OfdDocument, type OfdPage, type Box } from './document';
export { verifyOfd, type VerifyOfdOptions } from './verify';
export { FAILURES, INDETERMINATES, WARNINGS, type Indication, type OfdProblem, type OfdSignatureReport, type OfdVerificationReport } from './report';
export {
  completeOfdSignature,
  prepareOfdSignature,
  signOfd,
  type OfdCrossPageStamp,
  type OfdStampPlacement,
  type PendingOfdSignature,
  type PrepareOfdSignatureInput,
} from './sign';
export { addValidationData, encodeValidationData, readValidationData, validationDataPath, VALIDATION_DATA_FILE, type OfdValidationData } from './validation-data';
