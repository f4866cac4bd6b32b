import * as z from 'zod/mini';
import { COMPANY_TYPES } from '../../../domain/seal';
import type { SystemCause } from '../../../domain/reasons';
import * as fields from '../../fields';

/** Business-licence registry notifications (HMAC-signed; decision 0011). */

export const RegistryChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('legal_representative'), name: fields.personName, idNumber: fields.idNumber }),
  z.object({ kind: z.literal('name'), name: z.string().check(z.trim(), z.minLength(2), z.maxLength(100)) }),
  z.object({ kind: z.literal('type'), type: z.enum(COMPANY_TYPES) }),
  z.object({ kind: z.literal('closure') }),
]);
export type RegistryChange = z.infer<typeof RegistryChange>;

/** `POST /v1/registry/notifications` */
export const RegistryNotification = z.object({
  notificationId: z.string().check(z.minLength(8), z.maxLength(128), z.regex(/^[A-Za-z0-9_.:-]+$/)),
  creditCode: fields.creditCode,
  occurredAt: fields.isoDateTime,
  changes: z.array(RegistryChange).check(z.minLength(1), z.maxLength(10)),
});
export type RegistryNotification = z.infer<typeof RegistryNotification>;
/** What the platform did about a notification: the life-cycle causes it fired for the company. */
export type RegistryNotificationResult = { notificationId: string; companyId: string; causes: SystemCause[] };
