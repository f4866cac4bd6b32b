import { KMSClient } from '@aws-sdk/client-kms';
import { startLocalKms, type LocalKms } from '../dev/kms-server';

/** A fixed address, or one looked up on each request (the server of `useLocalKms` starts after the client is made). */
type Endpoint = string | (() => Promise<{ url: URL }>);

/** The real SDK client, pointed at a local endpoint with placeholder credentials (tests only). */
export function localKmsClient(endpoint: Endpoint, region = 'cn-north-1'): KMSClient {
  return new KMSClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
}

/** The local KMS endpoint of a test file, and the SDK client on it. */
export interface LocalKmsForTests {
  /** Usable at once: its endpoint is looked up on each request, so it reaches the server once `beforeAll` started it. */
  readonly client: KMSClient;
  /** The server's address and the server itself, inside tests and hooks. */
  readonly endpoint: string;
  readonly server: LocalKms;
}

/** Starts the local KMS endpoint on a free port before the file's tests, and stops it and its client after them. */
export function useLocalKms(): LocalKmsForTests {
  let server: LocalKms | undefined;
  const started = (): LocalKms => {
    if (!server) throw new Error('the local KMS starts in beforeAll: use it inside a test or a hook');
    return server;
  };
  const client = localKmsClient(async () => ({ url: new URL(started().endpoint) }));
  beforeAll(async () => {
    server = await startLocalKms({ port: 0 });
  });
  afterAll(async () => {
    client.destroy();
    await server?.stop();
  });
  return {
    client,
    get endpoint() {
      return started().endpoint;
    },
    get server() {
      return started();
    },
  };
}
