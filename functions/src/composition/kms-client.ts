import { kmsClientFromEnv } from '../adapters/aws-kms/client';
import type { Ports } from '../ports';

const clients = new WeakMap<Ports, ReturnType<typeof kmsClientFromEnv>>();

/** One KMS client per container, shared by the custody, the platform keys and the ID-number vault. */
export function kmsClientOf(ports: Ports, env: NodeJS.ProcessEnv): ReturnType<typeof kmsClientFromEnv> {
  let client = clients.get(ports);
  if (!client) clients.set(ports, (client = kmsClientFromEnv(env)));
  return client;
}
