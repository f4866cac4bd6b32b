import { documentDto } from '@seal/shared';
import { defineHandler } from '../../http/define-handler';
import { createDocumentUpload } from '../../domain/document/create-upload';

/** POST /v1/documents — a presigned upload for a document to sign (≤50 MB). */
export const handler = defineHandler({
  name: 'create-document',
  body: documentDto.CreateDocumentRequest,
  async run(ctx) {
    const ticket = await createDocumentUpload(ctx.services, { ownerId: ctx.personId(), ...ctx.body, now: ctx.services.now() });
    return { status: 201, body: ticket };
  },
});
