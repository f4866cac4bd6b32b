import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { pendingAuditCompanyOf } from '../../adapters/dynamodb/audit-stream';
import { chainCompanyTrail } from '../../domain/audit/chain-trail';
import { composePorts, getServices } from '../../composition';
import { platformKeys } from '../../composition/platform-keys';
import { logEvent } from '../../config/logger';
import { loadRuntimeSecrets } from '../../config/runtime-secrets';
import type { Ports } from '../../ports';

const COMPANIES_AT_ONCE = 8;

/**
 * The chainer on the table's stream (decision 0160): each batch's pending audit events name the
 * companies to catch up; each company's pending events are then read from the table (strongly
 * consistent) and linked in order, a few companies side by side. The stream only wakes the
 * chainer: a record replayed, or one whose event a previous run already linked, finds nothing to
 * do. When a company fails, its first record is reported, so Lambda retries from there and the
 * company is caught up on the next try.
 */
export function createAuditChainer(services: Ports, options: { checkpointIntervalMs?: number } = {}) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const firstRecordOf = new Map<string, string>();
    for (const record of event.Records) {
      const companyId = pendingAuditCompanyOf(record);
      if (companyId && !firstRecordOf.has(companyId)) firstRecordOf.set(companyId, record.dynamodb?.SequenceNumber ?? '');
    }
    const companies = [...firstRecordOf.keys()];
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    // A few companies at a time: a batch may name a hundred, each a transaction of up to 81 items.
    const chainNext = async (): Promise<void> => {
      for (let companyId = companies.shift(); companyId; companyId = companies.shift()) {
        try {
          await chainCompanyTrail(services, companyId, options.checkpointIntervalMs);
        } catch (error) {
          logEvent('error', 'audit chain failed', { companyId, error: String(error) });
          batchItemFailures.push({ itemIdentifier: firstRecordOf.get(companyId)! });
        }
      }
    };
    await Promise.all(Array.from({ length: COMPANIES_AT_ONCE }, chainNext));
    return { batchItemFailures };
  };
}

let chainer: ReturnType<typeof createAuditChainer> | undefined;

/** The Lambda on the table's stream: `functions/src/entry/jobs/audit-chain.handler`. */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  await loadRuntimeSecrets();
  chainer ??= createAuditChainer(composePorts(getServices(), [platformKeys]));
  return chainer(event);
}
