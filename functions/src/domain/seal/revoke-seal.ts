import { REVOCATION_CATEGORY_LABELS, type RevocationCategory } from '@seal/shared';
import type { RevocationReason } from '../../engines/pki';
import type { LifecycleDeps } from './deps';
import type { ActingParty } from './acting-party';
import { retireKeys } from '../credential/retire-keys';
import { revokeOneSeal } from './revoke-one-seal';
import { runSealBatch } from './seal-batch';

export interface RevocationReasonInput {
  category: RevocationCategory;
  text?: string;
}

/** The CRL reason code for each 注销原因 (RFC 5280 §5.3.1). */
const CRL_REASON: Record<RevocationCategory, RevocationReason> = {
  company_merged: 'affiliationChanged',
  company_deregistered: 'cessationOfOperation',
  other: 'cessationOfOperation',
};

export function revocationReasonText(reason: RevocationReasonInput): string {
  const label = REVOCATION_CATEGORY_LABELS[reason.category];
  return reason.text ? `${label}：${reason.text}` : label;
}

/**
 * 注销 (online with a face check, or by window): final. Certificates are revoked with the seal
 * and the CRL is rebuilt at once (if that fails, the next GET /v1/pki/crl rebuilds it).
 */
export async function revokeSeals(
  deps: LifecycleDeps,
  request: { companyId: string; sealIds: readonly string[]; reason: RevocationReasonInput; party: ActingParty; now: Date },
) {
  const revoked: Awaited<ReturnType<typeof revokeOneSeal>> = [];
  const outcomes = await runSealBatch(deps, {
    ...request,
    action: 'seal.revoke',
    event: 'revoke',
    apply: async (seal, acting) => {
      revoked.push(
        ...(await revokeOneSeal(deps.services.store, {
          seal,
          ...acting,
          reason: revocationReasonText(request.reason),
          crlReason: CRL_REASON[request.reason.category],
          now: request.now,
        })),
      );
      return 'revoked';
    },
  });
  await retireKeys(deps, revoked);
  return outcomes;
}
