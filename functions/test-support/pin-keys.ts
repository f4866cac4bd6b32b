import { randomBytes, scryptSync } from 'node:crypto';
import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { startLocalKms } from '../dev/kms-server';
import { kmsPinKeys } from '../src/adapters/aws-kms/kms-pin-keys';
import { PIN_MAC, ensureKey } from '../src/adapters/aws-kms/platform-keys';
import type { PinKeys } from '../src/ports/pin-keys';
import { localKmsClient } from './kms-server';

export interface TestPinKeys {
  /** The platform's PIN key, made as the bootstrap makes it. */
  pinKeys: PinKeys;
  /** Another HMAC_256 key on the same endpoint: what a thief with a copied table but not the key would have at best. */
  otherKey: PinKeys;
  stop(): Promise<void>;
}

/** The local KMS endpoint (in memory) with the PIN key and a second HMAC key. */
export async function startTestPinKeys(): Promise<TestPinKeys> {
  const kms = await startLocalKms({ port: 0 });
  const client = localKmsClient(kms.endpoint);
  await ensureKey(client, PIN_MAC);
  const other = await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }));
  return { pinKeys: kmsPinKeys(client), otherKey: kmsPinKeys(client, other.KeyMetadata!.Arn!), stop: () => kms.stop() };
}

/** A PIN stored the way it was before decision 0140 (scrypt, N = 2^15, r = 8, p = 1): what migration starts from. */
export function legacyScryptPinHash(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin.normalize('NFKC'), salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 15, 8, 1, salt.toString('base64'), hash.toString('base64')].join('$');
}
