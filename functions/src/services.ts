import type { S3Client } from '@aws-sdk/client-s3';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadConfig, type Config } from './config/config';
import { createDocumentClient } from './adapters/dynamodb/client';
import { createS3Client } from './adapters/s3/client';
import { kmsClientFromEnv } from './adapters/kms/client';
import { createSealService, type SealService } from './store/service';

/**
 * The ports every handler may use, built once per cold start from the environment. Clients are
 * created lazily so a function only pays for what it touches (the health check excepted).
 */
export interface Services {
  config: Config;
  db: SealService;
  documentClient: DynamoDBDocumentClient;
  s3: S3Client;
  kms: KMSClient;
  now: () => Date;
}

let cached: Services | undefined;

export function getServices(): Services {
  if (cached) return cached;
  const config = loadConfig();
  let documentClient: DynamoDBDocumentClient | undefined;
  let db: SealService | undefined;
  let s3: S3Client | undefined;
  let kms: KMSClient | undefined;
  const services: Services = {
    config,
    get documentClient() {
      return (documentClient ??= createDocumentClient({ endpoint: config.DYNAMODB_ENDPOINT, region: config.AWS_REGION }));
    },
    get db() {
      return (db ??= createSealService(services.documentClient, config.TABLE_NAME));
    },
    get s3() {
      return (s3 ??= createS3Client({ endpoint: config.S3_ENDPOINT, region: config.AWS_REGION }));
    },
    get kms() {
      return (kms ??= kmsClientFromEnv(process.env));
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
