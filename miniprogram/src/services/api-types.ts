// Type-only views of the API's DTOs: importing them as types keeps zod out of the weapp bundle.
export type { identityDto, grantDto, sealDto, challengeDto, applicationDto } from '@seal/shared';
