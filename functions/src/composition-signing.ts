import { withPort, type Services } from './composition';
import { createDynamoClient } from './adapters/dynamodb/client';
import { dynamoIdempotency } from './adapters/dynamodb/idempotency';
import { documentFormats } from './adapters/document-formats';
import { pdfSigner } from './adapters/pdf-format/sign';
import { ofdSigner } from './adapters/ofd-format/sign';
import type { DocumentSigning } from './ports/document-format';
import type { Idempotent } from './ports/idempotency';

export type SigningServices = Services & DocumentSigning & Idempotent;

/** For the signing functions: the formats' signers, and the records that make retries idempotent (decisions 0046, 0047). */
export function signingServices(services: Services): SigningServices {
  const withSigners = withPort(services, 'documentSigners', () => documentFormats([pdfSigner, ofdSigner]));
  return withPort(withSigners, 'idempotency', () =>
    dynamoIdempotency({
      client: createDynamoClient({ endpoint: services.config.DYNAMODB_ENDPOINT, region: services.config.AWS_REGION }),
      tableName: services.config.TABLE_NAME,
    }),
  );
}
