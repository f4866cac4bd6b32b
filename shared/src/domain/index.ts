/** `@seal/shared/domain`: roles, seals, reasons, the permission matrix and the PIN policy. No zod. */
export * from './roles';
export * from './seal';
export * from './reasons';
export * from './permissions';
export * from './pin-policy';
export * from './notifications';
export * from './audit';
