import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DescribeKeyCommand,
  GetKeyRotationStatusCommand,
  ListKeysCommand,
  ListResourceTagsCommand,
  ScheduleKeyDeletionCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { localKmsClient } from '../../../test-support/kms-server';
import { ensurePlatformKeys, PLATFORM_KEY_ALIASES, type PlatformKeyIds } from './platform-keys';

const keyIds = (keys: PlatformKeyIds): string[] => [keys.rootCaKeyId, keys.tsaKeyId, keys.ocspKeyId, keys.wrappingKeyId, keys.pinMacKeyId];

const PORT = 13122;
let kms: LocalKms | undefined;
let client: KMSClient | undefined;

async function start(dataDir?: string): Promise<KMSClient> {
  kms = await startLocalKms({ port: PORT, ...(dataDir ? { dataDir } : {}) });
  client = localKmsClient(kms.endpoint);
  return client;
}
async function stop(): Promise<void> {
  client?.destroy();
  await kms?.stop();
  kms = client = undefined;
}
afterEach(stop);

const describe_ = async (c: KMSClient, keyId: string) => (await c.send(new DescribeKeyCommand({ KeyId: keyId }))).KeyMetadata!;

describe('ensurePlatformKeys', () => {
  it('creates the root CA, TSA, OCSP responder, wrapping and PIN MAC keys once, and finds the same ones the second time', async () => {
    const c = await start();
    const first = await ensurePlatformKeys(c);
    const second = await ensurePlatformKeys(c);
    expect(second).toEqual(first);
    expect(new Set(keyIds(first)).size).toBe(5);
    expect(first.signingAlgorithm).toBe('ecdsa-p256-sha256');

    expect((await describe_(c, PLATFORM_KEY_ALIASES.rootCa)).Arn).toBe(first.rootCaKeyId);
    expect((await describe_(c, PLATFORM_KEY_ALIASES.tsa)).Arn).toBe(first.tsaKeyId);
    expect((await describe_(c, PLATFORM_KEY_ALIASES.credentialWrapping)).Arn).toBe(first.wrappingKeyId);
    expect(await describe_(c, first.rootCaKeyId)).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(await describe_(c, first.tsaKeyId)).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' });
    expect(await describe_(c, first.wrappingKeyId)).toMatchObject({ KeySpec: 'SYMMETRIC_DEFAULT', KeyUsage: 'ENCRYPT_DECRYPT' });
    expect(await describe_(c, PLATFORM_KEY_ALIASES.pinMac)).toMatchObject({ Arn: first.pinMacKeyId, KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' });
    expect((await c.send(new GetKeyRotationStatusCommand({ KeyId: first.wrappingKeyId }))).KeyRotationEnabled).toBe(true);
    expect((await c.send(new ListKeysCommand({}))).Keys).toHaveLength(5);
  });

  it('finds the same keys after the persistent endpoint restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'platform-keys-'));
    try {
      const before = await ensurePlatformKeys(await start(dataDir));
      await stop();
      expect(await ensurePlatformKeys(await start(dataDir))).toEqual(before);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('agrees on one set of keys when several processes start together, and cleans up the losers', async () => {
    const c = await start();
    const others = [1, 2, 3].map(() => localKmsClient(kms!.endpoint));
    try {
      const results = await Promise.all([c, ...others].map((each) => ensurePlatformKeys(each)));
      for (const result of results) expect(result).toEqual(results[0]);
      const keys = (await c.send(new ListKeysCommand({}))).Keys!;
      const live = [];
      for (const key of keys) if ((await describe_(c, key.KeyId!)).KeyState === 'Enabled') live.push(key.KeyArn);
      expect(live.sort()).toEqual(keyIds(results[0]!).sort());
    } finally {
      for (const other of others) other.destroy();
    }
  });

  it('refuses to start when an alias points to a key pending deletion, instead of quietly making a new one', async () => {
    const c = await start();
    const { rootCaKeyId } = await ensurePlatformKeys(c);
    await c.send(new ScheduleKeyDeletionCommand({ KeyId: rootCaKeyId, PendingWindowInDays: 7 }));
    await expect(ensurePlatformKeys(c)).rejects.toMatchObject({ name: 'KeyCustodyError', code: 'KEY_UNAVAILABLE' });
  });

  it('refuses an alias that points to the wrong kind of key', async () => {
    const c = await start();
    const symmetric = (await c.send(new CreateKeyCommand({}))).KeyMetadata!;
    await c.send(new CreateAliasCommand({ AliasName: PLATFORM_KEY_ALIASES.tsa, TargetKeyId: symmetric.KeyId }));
    await expect(ensurePlatformKeys(c)).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
  });

  it('tags each key with its role so an operator can tell them apart', async () => {
    const c = await start();
    const ids = await ensurePlatformKeys(c);
    const role = async (keyId: string) => (await c.send(new ListResourceTagsCommand({ KeyId: keyId }))).Tags;
    expect(await role(ids.rootCaKeyId)).toEqual([{ TagKey: 'seal-platform-key', TagValue: 'root-ca' }]);
    expect(await role(ids.wrappingKeyId)).toEqual([{ TagKey: 'seal-platform-key', TagValue: 'credential-wrapping' }]);
  });
});
