/**
 * Login, face checks, who I am and the registry's notifications. One module per group of routes
 * (identity/): a bundle builds every schema of each module it keeps (decision 0246).
 */
export { IdentityView, FaceCheckMode } from './identity/common';
export * from './identity/login';
export * from './identity/face-checks';
export * from './identity/me';
export * from './identity/registry';
