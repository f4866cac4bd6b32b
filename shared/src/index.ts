/**
 * `@seal/shared`: everything. Narrower entry points (package.json `exports`): `/domain`,
 * `/machines`, `/validation`, `/errors`, `/signing` (none of them brings zod) and `/api`.
 */
export * from './domain/index';
export * from './machines/index';
export * from './validation/index';
export * from './errors';
export * from './api/index';
export * from './signing/approval-digest';
export * from './verification/codes';
export * from './verification/messages';
export * from './time';
