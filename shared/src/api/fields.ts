/**
 * Field schemas reused by every DTO, each with its Chinese message. zod/mini (decision 0027):
 * checks run in the order listed, so trimming comes before the length checks. In three modules
 * (fields/): a bundle builds every schema of each module it keeps (decision 0246).
 */
export * from './fields/basics';
export * from './fields/identity';
export * from './fields/choices';
