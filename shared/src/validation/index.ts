/** `@seal/shared/validation`: credit codes, ID numbers and PINs, as plain functions (no zod). */
export * from './credit-code';
export * from './id-number';
export * from './pin';
