// The shared domain the app decides with (permission matrix, seal life cycle, labels, error
// messages), imported file by file: the package index also exports the zod DTOs, which would
// add zod to the weapp bundle. Pages never re-decide permissions; they ask these.
export { authorize, ACTIONS, type Action, type Actor } from '@seal/shared/src/domain/permissions';
export { ROLE_LABELS, type GrantRole, type Role } from '@seal/shared/src/domain/roles';
export { SEAL_KIND_LABELS, ONLINE_APPLICABLE_KINDS, MEDIUM_LABELS, type SealKind } from '@seal/shared/src/domain/seal';
export { REVOCATION_CATEGORIES, REVOCATION_CATEGORY_LABELS, type RevocationCategory } from '@seal/shared/src/domain/reasons';
export { SEAL_STATE_LABELS, sealMachine, canSign, type SealState, type SealEvent } from '@seal/shared/src/machines/seal-machine';
export { eventsFrom } from '@seal/shared/src/machines/machine';
export { GRANT_STATE_LABELS } from '@seal/shared/src/machines/grant-machine';
export { APPLICATION_KIND_LABELS, type ApplicationKind } from '@seal/shared/src/machines/application-machine';
export { CHALLENGE_PURPOSE_LABELS } from '@seal/shared/src/machines/challenge-machine';
export { ERRORS, type ErrorCode } from '@seal/shared/src/errors';
export { isSixDigitPin, isWeakPin } from '@seal/shared/src/validation/pin';
export { isValidIdNumber } from '@seal/shared/src/validation/id-number';
export { isValidCreditCode } from '@seal/shared/src/validation/credit-code';
