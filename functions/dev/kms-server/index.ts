import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeyStore } from './key-store';
import { KmsError } from './kms-error';
import { operations } from './operations';
import { readKmsRequest, writeError, writeResult } from './protocol';
import type { KmsContext } from './resolve-key';

/**
 * A dev-only, never-deployed endpoint that speaks the KMS JSON 1.1 protocol for the
 * operations the platform uses (see docs/decisions/0006). Point the real
 * @aws-sdk/client-kms at `endpoint` with any credentials; signatures are not checked.
 */
export interface LocalKmsOptions {
  port: number;
  /** Keys persist in `<dataDir>/kms-state.json`; without it they live in memory only. */
  dataDir?: string;
  /** Defaults to 127.0.0.1: the key material on this server is in clear. */
  host?: string;
  /** Used in ARNs when a request carries no SigV4 credential scope. */
  defaultRegion?: string;
  accountId?: string;
}

export interface LocalKms {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startLocalKms(options: LocalKmsOptions): Promise<LocalKms> {
  const store = KeyStore.open(options.dataDir);
  const accountId = options.accountId ?? '000000000000';
  const defaultRegion = options.defaultRegion ?? 'us-east-1';
  const host = options.host ?? '127.0.0.1';

  const server = createServer((req, res) => {
    void (async () => {
      try {
        const request = await readKmsRequest(req);
        const operation = Object.hasOwn(operations, request.operation) ? operations[request.operation] : undefined;
        if (!operation) throw new KmsError('UnknownOperationException', `Operation ${request.operation} is not supported by the local KMS endpoint.`);
        const ctx: KmsContext = { store, accountId, region: request.region ?? defaultRegion };
        writeResult(res, operation(ctx, request.body));
      } catch (error) {
        writeError(res, error instanceof KmsError ? error : new KmsError('KMSInternalException', String(error), 500));
      }
    })();
  });
  await listen(server, options.port, host);
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    stop: () => close(server),
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // The SDK keeps connections alive; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}
