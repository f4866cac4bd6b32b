import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { custody } from '../../composition/custody';
import { platformKeys } from '../../composition/platform-keys';
import { notifier } from '../../composition/notifier';
import { verifiers } from '../../http/authenticate';
import { verifyRegistryRequest } from '../../domain/company/verify-registry-notification';
import { applyRegistryNotification } from '../../domain/company/apply-registry-notification';
import { lifecycleDeps } from '../../domain/seal/deps';
import { tellLicenceChange } from '../../domain/company/tell-licence-change';

// Auth mode `registry`: HMAC over timestamp + body, 5-minute window (decision 0011).
verifiers.registry = verifyRegistryRequest;

/** POST /v1/registry/notifications — the business-licence registry reports a change. */
export const handler = defineHandler(routes.registryNotification, {
  ports: [custody, platformKeys, notifier],
  async run({ body, services }) {
    const now = services.now();
    const applied = await applyRegistryNotification(services.store, body, now, lifecycleDeps(services));
    await tellLicenceChange(services, applied, now);
    return { body: { notificationId: body.notificationId, companyId: applied.companyId, causes: applied.causes } };
  },
});
