// The shared domain the app decides with (permission matrix, seal life cycle, labels, error
// messages), from shared's zod-free entry points. Pages never re-decide permissions; they ask these.
export { authorize, ACTIONS, type Action, type Actor } from '@seal/shared/domain';
export { ROLE_LABELS, type GrantRole, type Role } from '@seal/shared/domain';
export { SEAL_KIND_LABELS, ONLINE_APPLICABLE_KINDS, MEDIUM_LABELS, MEDIA, type SealKind, type Medium } from '@seal/shared/domain';
export { SEAL_ALGORITHMS, SEAL_ALGORITHM_LABELS, DEFAULT_SEAL_ALGORITHM, type SealAlgorithm } from '@seal/shared/domain';
export { REVOCATION_CATEGORIES, REVOCATION_CATEGORY_LABELS, type RevocationCategory } from '@seal/shared/domain';
export { PIN_LOCKOUT_NOTE } from '@seal/shared/domain';
export { SEAL_STATE_LABELS, sealMachine, canSign, type SealState, type SealEvent } from '@seal/shared/machines';
export { eventsFrom } from '@seal/shared/machines';
export { GRANT_STATE_LABELS } from '@seal/shared/machines';
export { APPLICATION_KIND_LABELS, type ApplicationKind } from '@seal/shared/machines';
export { CHALLENGE_PURPOSE_LABELS } from '@seal/shared/machines';
export { ERRORS, type ErrorCode } from '@seal/shared/errors';
export { isSixDigitPin, isWeakPin } from '@seal/shared/validation';
export { isValidIdNumber } from '@seal/shared/validation';
export { isValidCreditCode } from '@seal/shared/validation';
