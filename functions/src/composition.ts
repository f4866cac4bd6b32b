import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig, type Config } from './config/config';
import { createDocumentClient } from './adapters/dynamodb/client';
import { createSealService, type SealService } from './adapters/dynamodb/service';

/**
 * The ports every handler may use, built once per cold start from the environment, lazily. The
 * S3 and KMS clients are not here: `documentsStoreOf` / `kmsOf` (adapters/) build them, so only the functions
 * whose code reaches S3 or KMS bundle those SDK clients (decision 0022). Nor are the document ports:
 * composition-documents.ts adds them for the functions that read, sign or verify documents.
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

