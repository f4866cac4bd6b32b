/**
 * Every API route, keyed by name (the handler's file name in camelCase: `sign-document` →
 * `signDocument`). Import it as a namespace, `import * as routes from '@seal/shared/routes'`, then
 * `routes.signDocument`: bundlers keep only the routes a file names, and with them only those
 * routes' schemas. (Re-exported as a member, `export * as routes`, esbuild would keep them all.)
 */
export * from './system';
export * from './identity';
export * from './applications';
export * from './seals';
export * from './documents';
export * from './ukey';
export * from './messages';
