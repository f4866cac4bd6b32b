import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { verifiers } from '../../http/authenticate';
import { verifyRegistryRequest } from '../../domain/company/verify-registry-notification';
import { applyRegistryNotification } from '../../domain/company/apply-registry-notification';
import { lifecycleDeps } from '../../domain/seal/deps';

// Auth mode `registry`: HMAC over timestamp + body, 5-minute window (decision 0011).
verifiers.registry = verifyRegistryRequest;

/** POST /v1/registry/notifications — the business-licence registry reports a change. */
export const handler = defineHandler(routes.registryNotification, {
  async run({ body, services }) {
    const result = await applyRegistryNotification(services.store, body, services.now(), lifecycleDeps(services));
    return { body: { notificationId: body.notificationId, ...result } };
  },
});
