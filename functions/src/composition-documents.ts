/**
 * The document ports, composed apart from composition.ts: an entry point that reads, signs or
 * verifies documents asks for its set on top of its services, and only its bundle carries that
 * set's code. (esbuild cannot drop an unused export whose modules run code when loaded, such as the
 * ASN.1 schema classes of the signing half; a separate module that no other entry point imports
 * keeps them out: decisions 0022, 0046.) Each port is made once per container, on the container
 * itself, so per-container caches keyed on the services still hit.
 */
import type { Services } from './composition';
import { createDynamoClient } from './adapters/dynamodb/client';
import { dynamoIdempotency } from './adapters/dynamodb/idempotency';
import { documentFormats } from './adapters/document-formats';
import { pdfReader } from './adapters/pdf-format/read';
import { pdfSigner } from './adapters/pdf-format/sign';
import { pdfVerifier } from './adapters/pdf-format/verify';
import type { DocumentReading, DocumentSigning, DocumentVerifying } from './ports/document-format';
import type { Idempotent } from './ports/idempotency';

export type ReadingServices = Services & DocumentReading;
export type SigningServices = Services & DocumentSigning & Idempotent;
export type VerifyingServices = Services & DocumentVerifying;

/** Documents whose counts are shown: PDF (OFD joins here). */
export function readingServices(services: Services): ReadingServices {
  return withPort(services, 'documentReaders', () => documentFormats([pdfReader]));
}

/** Documents that are signed, and the records that make signing retries idempotent. */
export function signingServices(services: Services): SigningServices {
  const withSigners = withPort(services, 'documentSigners', () => documentFormats([pdfSigner]));
  return withPort(withSigners, 'idempotency', () =>
    dynamoIdempotency({
      client: createDynamoClient({ endpoint: services.config.DYNAMODB_ENDPOINT, region: services.config.AWS_REGION }),
      tableName: services.config.TABLE_NAME,
    }),
  );
}

/** Documents that are verified. */
export function verifyingServices(services: Services): VerifyingServices {
  return withPort(services, 'documentVerifiers', () => documentFormats([pdfVerifier]));
}

/**
 * Adds a port to the container itself, built on first use: each port has its own name, so the local
 * stack (one container for every route) can hold all of them at once.
 */
function withPort<S extends Services, K extends string, T>(services: S, name: K, build: () => T): S & Record<K, T> {
  if (!Object.hasOwn(services, name)) {
    let port: T | undefined;
    Object.defineProperty(services, name, { get: () => (port ??= build()), enumerable: false });
  }
  return services as S & Record<K, T>;
}
