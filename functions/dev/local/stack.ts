import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { startDynamoDbLocal } from './dynamodb-local';
import { startLocalS3 } from './s3-local';
import { startLocalKms } from '../kms-server';
import { ensureTable } from '../../src/adapters/dynamodb/create-table';
import { ensurePlatformKeys } from '../../src/adapters/aws-kms/platform-keys';
import { createApiServer, loadHandlers, type StaticRoot } from './api-server';
import { freePort } from './wait-for-port';
import { getServices, setDefaultPorts, setServices } from '../../src/composition';
import { EVERY_PORT } from '../../src/composition/every-port';
import { startupHooks } from './startup-hooks';
import { handleLocalControl } from './local-controls';
import { kmsClientFromEnv } from '../../src/adapters/aws-kms/client';
import { createAuditChainer } from '../../src/entry/jobs/audit-chain';
import { readTableStream, type TableStreamReader } from './table-stream';
import { LocalSigningQueue, localSigningQueueRecipe } from './signing-queue';

export interface LocalStackOptions {
  /** HTTP port of the API and the apps; 0 picks a free one. */
  port: number;
  /** Interface the API and the apps listen on (`HOST`); loopback by default. The emulators always listen on loopback. */
  host?: string;
  /** Where DynamoDB Local, S3 objects and KMS keys persist. */
  dataDir: string;
  /** Emulator ports; 0 (default) picks free ones. */
  dynamoPort?: number;
  s3Port?: number;
  kmsPort?: number;
  staticRoots?: StaticRoot[];
  /** Keep DynamoDB in memory (tests): everything else still goes under dataDir. */
  inMemoryDb?: boolean;
  log?: (line: string) => void;
  /** How often the audit chainer reads the table's stream (ms, default 500). */
  auditStreamIntervalMs?: number;
}

export interface LocalStack {
  url: string;
  endpoints: { dynamodb: string; s3: string; kms: string };
  dataDir: string;
  /** Links every audit event written so far into its company's chain (the chainer reads the table's stream every half second anyway). */
  drainAuditStream(): Promise<void>;
  /** The signing batches' queue, driving the worker handler in-process (decision 0165). */
  signingQueue: LocalSigningQueue;
  stop(): Promise<void>;
}

/**
 * The whole platform on one machine: DynamoDB Local, an S3-compatible server, the KMS-compatible
 * endpoint, the table, bucket and platform keys, then every route of the route table on node:http.
 * Functions use the real AWS SDK clients; only the endpoints differ from AWS.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const host = options.host ?? '127.0.0.1';
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const [dynamoPort, s3Port, kmsPort] = await Promise.all([
    options.dynamoPort || freePort(),
    options.s3Port || freePort(),
    options.kmsPort || freePort(),
  ]);
  const bucket = process.env.DOCUMENTS_BUCKET ?? 'seal-documents';
  const region = process.env.AWS_REGION ?? 'us-east-1';
  const [dynamo, s3, kms] = await Promise.all([
    startDynamoDbLocal({ port: dynamoPort, dataDir: options.inMemoryDb ? undefined : path.join(dataDir, 'dynamodb') }),
    startLocalS3({ port: s3Port, dataDir: path.join(dataDir, 's3'), buckets: [bucket], region }),
    startLocalKms({ port: kmsPort, dataDir: path.join(dataDir, 'kms') }),
  ]);
  const stopAll = async () => {
    await Promise.allSettled([dynamo.stop(), s3.stop(), kms.stop()]);
  };
  let server: Server | undefined;
  let auditStream: TableStreamReader | undefined;
  let raw: DynamoDBClient | undefined;
  const signingQueue = new LocalSigningQueue();
  // The stack points this process's functions at its emulators; `stop` puts the environment back.
  const envKeys = ['PUBLIC_BASE_URL', 'STAGE', 'LOCAL_CLOCK_OFFSET_DAYS', 'AWS_REGION', 'DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'KMS_ENDPOINT', 'DOCUMENTS_BUCKET', 'TABLE_NAME'];
  const savedEnv = Object.fromEntries(envKeys.map((k) => [k, process.env[k]]));
  const restoreEnv = () => {
    for (const [k, v] of Object.entries(savedEnv)) if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };
  try {
    Object.assign(process.env, {
      STAGE: process.env.STAGE ?? 'local',
      AWS_REGION: region,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      S3_ENDPOINT: s3.endpoint,
      KMS_ENDPOINT: kms.endpoint,
      DOCUMENTS_BUCKET: bucket,
      TABLE_NAME: process.env.TABLE_NAME ?? 'seal-platform',
    });
    // One container serves every route here, so it holds every port (a Lambda composes its handler's);
    // the signing batches' queue is the in-process one, not SQS.
    setDefaultPorts([localSigningQueueRecipe(signingQueue), ...EVERY_PORT]);
    setServices(undefined);
    const services = getServices();
    raw = new DynamoDBClient({ endpoint: dynamo.endpoint, region: services.config.AWS_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    log(`table ${services.config.TABLE_NAME}: ${await ensureTable(raw, services.config.TABLE_NAME)}`);
    await ensurePlatformKeys(kmsClientFromEnv());
    server = createApiServer(await loadHandlers(), options.staticRoots ?? [], { s3Endpoint: s3.endpoint, localControls: handleLocalControl });
    await new Promise<void>((resolve, reject) => {
      server!.once('error', reject);
      server!.listen(options.port, host, () => resolve());
    });
    // Certificates name the CRL and OCSP responder at PUBLIC_BASE_URL: unless one is set, the
    // stack's own address, so validators (pdfsig, openssl) reach them. Known only once listening,
    // hence the bootstrap hooks run after.
    if (!process.env.PUBLIC_BASE_URL) {
      process.env.PUBLIC_BASE_URL = ownUrl(server, host);
      setServices(undefined);
    }
    for (const hook of startupHooks) {
      await hook.run(getServices(), { dataDir });
      log(`startup: ${hook.name}`);
    }
    // The audit chainer as in AWS: the same consumer, on the table's stream (decision 0160).
    const chainer = createAuditChainer(getServices());
    auditStream = await readTableStream({ client: raw, endpoint: dynamo.endpoint, region, tableName: services.config.TABLE_NAME, consumer: chainer, intervalMs: options.auditStreamIntervalMs, log });
  } catch (error) {
    raw?.destroy();
    await stopAll();
    restoreEnv();
    throw error;
  }
  return {
    url: ownUrl(server, host),
    endpoints: { dynamodb: dynamo.endpoint, s3: s3.endpoint, kms: kms.endpoint },
    dataDir,
    drainAuditStream: () => auditStream!.drain(),
    signingQueue,
    stop: async () => {
      await signingQueue.stop();
      await new Promise<void>((resolve) => {
        server!.closeAllConnections?.();
        server!.close(() => resolve());
      });
      await auditStream!.stop();
      raw!.destroy();
      await stopAll();
      restoreEnv();
      setServices(undefined);
    },
  };
}

function ownUrl(server: Server, host: string): string {
  const { port } = server.address() as AddressInfo;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  return `http://${loopback ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
}
