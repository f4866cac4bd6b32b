import type { DocumentRecord, Documents } from '../../../ports/store/documents';
import type { SealService } from '../service';
import { conditionally, tableWrite, type ItemOf, type Same } from './table-write';

const _produces: Same<ItemOf<'document'>, DocumentRecord> = true;

export function dynamoDbDocuments({ entities }: SealService): Documents {
  return {
    async get(documentId, options) {
      return (await entities.document.get({ documentId }).go({ consistent: options?.consistent ?? false })).data ?? undefined;
    },
    async getMany(documentIds, options) {
      // BatchGetItem, 100 keys a call, one call at a time; the keys DynamoDB leaves unprocessed (throttling) are asked again.
      const found: DocumentRecord[] = [];
      let keys = [...new Set(documentIds)].map((documentId) => ({ documentId }));
      while (keys.length > 0) {
        const { data, unprocessed } = await entities.document.get(keys).go({ consistent: options?.consistent ?? false });
        found.push(...data);
        keys = unprocessed;
      }
      return found;
    },
    async signedOfOwner(ownerId, request = {}) {
      const result = await entities.document.query
        .byOwner({ ownerId })
        .where((a, op) => op.eq(a.state, 'signed'))
        .go({ order: 'desc', limit: request.limit ?? 50, cursor: request.cursor ?? null });
      return { items: result.data, ...(result.cursor ? { cursor: result.cursor } : {}) };
    },
    async create(document) {
      await entities.document.create(document).go();
    },
    recordUpload: (documentId, facts) =>
      conditionally(() =>
        entities.document
          .patch({ documentId })
          .set({ state: 'uploaded', ...facts })
          .where((a, op) => `${op.eq(a.state, 'awaiting_upload')} AND ${op.eq(a.version, 0)}`)
          .go(),
      ),
    async remove(documentId) {
      await entities.document
        .delete({ documentId })
        .go()
        .catch(() => undefined);
    },
    recordSignedVersion: (document, signed) =>
      tableWrite((e) =>
        e.document
          .patch({ documentId: document.documentId })
          .set({ ...signed, state: 'signed' })
          .remove(['ttl'])
          .where((a, op) => op.eq(a.version, document.version))
          .commit(),
      ),
    async archiveRenewalDueOn(day) {
      return (await entities.document.query.byArchiveRenewal({ archiveRenewalOn: day }).go({ pages: 'all' })).data;
    },
    recordArchivedVersion: (document, archived) =>
      tableWrite((e) =>
        e.document
          .patch({ documentId: document.documentId })
          .set(archived)
          .where((a, op) => `${op.eq(a.version, document.version)} AND ${op.eq(a.state, 'signed')}`)
          .commit(),
      ),
  };
}
