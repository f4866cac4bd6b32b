import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig, type Config } from './config/config';
import { createDocumentClient } from './adapters/dynamodb/client';
import { createSealService, type SealService } from './adapters/dynamodb/service';

/**
 * The ports every handler may use, built once per cold start from the environment, lazily. The
 * S3 and KMS clients are not here: `documentsStoreOf` / `kmsOf` (adapters/) build them, so only the functions
 * whose code reaches S3 or KMS bundle those SDK clients (decision 0022). Nor are the document ports:
 * composition-reading.ts, composition-signing.ts and composition-verifying.ts add them for the
 * functions that read, sign or verify documents (decision 0046).
 */
export interface Services {
  config: Config;
  db: SealService;
  documentClient: DynamoDBDocumentClient;
  now: () => Date;
}

let cached: Services | undefined;

export function getServices(): Services {
  if (cached) return cached;
  const config = loadConfig();
  let documentClient: DynamoDBDocumentClient | undefined;
  let db: SealService | undefined;
  const services: Services = {
    config,
    get documentClient() {
      return (documentClient ??= createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION }));
    },
    get db() {
      return (db ??= createSealService(services.documentClient, config.TABLE_NAME));
    },
    now: () => new Date(),
  };
  cached = services;
  return services;
}

/** Tests and the local stack replace the container (e.g. after changing the environment). */
export function setServices(services: Services | undefined): void {
  cached = services;
}

/**
 * Adds a port to the container itself, built on first use. Ports that only some functions use are
 * added this way by their own composition module (composition-signing.ts, ...), which only those
 * functions' entry points import: esbuild cannot drop an unused export whose modules run code when
 * loaded (ASN.1 schema classes, a JMESPath parser), so a port wired here would be in every bundle.
 * On the container itself, so per-container caches keyed on the services still hit; each port has
 * its own name, so the local stack (one container for every route) holds all of them at once.
 */
export function withPort<S extends Services, K extends string, T>(services: S, name: K, build: () => T): S & Record<K, T> {
  if (!Object.hasOwn(services, name)) {
    let port: T | undefined;
    Object.defineProperty(services, name, { get: () => (port ??= build()), enumerable: false });
  }
  return services as S & Record<K, T>;
}
