import type { SigningBatchItemRecord, SigningBatches } from '../../../ports/store/signing-batches';
import type { SealService } from '../service';
import { conditionally, tableWrite } from './table-write';

export function dynamoDbSigningBatches({ entities }: SealService): SigningBatches {
  return {
    async get(batchId) {
      return (await entities.signingBatch.get({ batchId }).go({ consistent: true })).data ?? undefined;
    },
    async ofOwner(ownerId, since, limit) {
      const { data } = await entities.signingBatch.query.byOwner({ ownerId }).gte({ createdAt: since }).go({ order: 'desc', limit });
      return data;
    },
    async create(batch, items) {
      // BatchWriteItem (25 a request); ElectroDB resends what DynamoDB left unprocessed.
      const { unprocessed } = await entities.signingBatchItem.put(items).go();
      if (unprocessed.length > 0) throw new Error(`signing batch ${batch.batchId}: ${unprocessed.length} items not written`);
      await entities.signingBatch.create(batch).go();
    },
    async item(batchId, documentId) {
      return ((await entities.signingBatchItem.get({ batchId, documentId }).go({ consistent: true })).data as SigningBatchItemRecord | null) ?? undefined;
    },
    async items(batchId) {
      const { data } = await entities.signingBatchItem.query.byBatch({ batchId }).go({ pages: 'all' });
      return data as SigningBatchItemRecord[];
    },
    recordSigned: (batchId, documentId, version, at) =>
      tableWrite((e) =>
        e.signingBatchItem
          .patch({ batchId, documentId })
          .set({ state: 'signed', version, finishedAt: at })
          .where((a, op) => op.eq(a.state, 'pending'))
          .commit(),
      ),
    recordFailed: (batchId, documentId, error, at) =>
      conditionally(() =>
        entities.signingBatchItem
          .patch({ batchId, documentId })
          .set({ state: 'failed', errorCode: error.code, errorMessage: error.message, finishedAt: at })
          .where((a, op) => op.eq(a.state, 'pending'))
          .go(),
      ),
  };
}
