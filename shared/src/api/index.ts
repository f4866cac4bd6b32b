/**
 * `@seal/shared/api`: the route list (`ROUTES`), the route types, the typed client, the DTO schemas
 * by area and the shared field schemas. The routes by name are their own entry point,
 * `import * as routes from '@seal/shared/routes'` (a namespace import: see routes/index.ts).
 */
export { ROUTES, matchPath, routeAuthTable, type RouteAuthTable } from './route-table';
export * from './route';
export * from './client';
export * as fields from './fields';
export { configureValidationMessages } from './validation-messages';
export * from './health';
export * as applicationDto from './dto/applications';
export * as identityDto from './dto/identity';
export * as grantDto from './dto/grants';
export * as challengeDto from './dto/challenges';
export * as sealDto from './dto/seals';
export * as documentDto from './dto/documents';
export * as ukeyDto from './dto/ukey';
export * as notificationDto from './dto/notifications';
// The constants Lambda code reads, also by name: a value read through a namespace re-export
// (`documentDto.MAX_DOCUMENT_BYTES`) keeps every schema behind that namespace in a bundle (decision 0246).
export { MAX_DOCUMENT_BYTES, MAX_INLINE_VERIFY_BYTES } from './dto/documents';
export { SEAL_TEMPLATE_LABELS } from './dto/applications';
export { AUDIT_EXPORT_FORMAT, AuditExport } from './dto/seals';
