import * as routes from '@seal/shared/routes';
import { defineHandler } from '../../http/define-handler';
import { certificateStatus } from '../../domain/platform-pki/certificate-status';

/** GET /v1/pki/certificates/{serial}/status?at= — a certificate's status at a moment (default: now). */
export const handler = defineHandler(routes.pkiCertificateStatus, {
  async run({ params, query, services }) {
    const at = query.at ? new Date(query.at) : services.now();
    const answer = await certificateStatus(services.store, { serial: params.serial, at });
    return {
      body: {
        ...answer,
        at: answer.at.toISOString(),
        revokedAt: answer.revokedAt?.toISOString(),
        notBefore: answer.notBefore?.toISOString(),
        notAfter: answer.notAfter?.toISOString(),
      },
    };
  },
});
