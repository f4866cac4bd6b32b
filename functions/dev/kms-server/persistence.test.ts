import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  EncryptCommand,
  GetPublicKeyCommand,
  NotFoundException,
  SignCommand,
  type KMSClient,
} from '@aws-sdk/client-kms';
import { startLocalKms } from './index';
import { localKmsClient } from '../../test-support/kms-server';

const PORT = 13104;
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'local-kms-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `use` against a fresh endpoint process-state, then stops it: one "run" of the local stack. */
async function withEndpoint<T>(options: { dataDir?: string }, use: (client: KMSClient) => Promise<T>): Promise<T> {
  const kms = await startLocalKms({ port: PORT, ...options });
  const client = localKmsClient(kms.endpoint);
  try {
    return await use(client);
  } finally {
    client.destroy();
    await kms.stop();
  }
}

describe('local KMS: persistence', () => {
  it('keeps keys, aliases and key material across a restart with a data directory', async () => {
    const context = { credentialId: 'cred-1' };
    const first = await withEndpoint({ dataDir }, async (client) => {
      const wrapping = (await client.send(new CreateKeyCommand({}))).KeyMetadata!;
      const signing = (await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!;
      await client.send(new CreateAliasCommand({ AliasName: 'alias/seal-platform/root-ca', TargetKeyId: signing.KeyId }));
      const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: wrapping.KeyId, Plaintext: Buffer.from('wrapped'), EncryptionContext: context }));
      const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: signing.KeyId }));
      return { signingKeyId: signing.KeyId!, CiphertextBlob, PublicKey };
    });
    expect(statSync(join(dataDir, 'kms-state.json')).mode & 0o077).toBe(0);

    await withEndpoint({ dataDir }, async (client) => {
      const decrypted = await client.send(new DecryptCommand({ CiphertextBlob: first.CiphertextBlob, EncryptionContext: context }));
      expect(Buffer.from(decrypted.Plaintext!).toString()).toBe('wrapped');
      const aliased = await client.send(new DescribeKeyCommand({ KeyId: 'alias/seal-platform/root-ca' }));
      expect(aliased.KeyMetadata!.KeyId).toBe(first.signingKeyId);
      const digest = createHash('sha256').update('after restart').digest();
      const { Signature } = await client.send(new SignCommand({ KeyId: first.signingKeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
      const publicKeyBeforeRestart = createPublicKey({ key: Buffer.from(first.PublicKey!), format: 'der', type: 'spki' });
      expect(verify('sha256', Buffer.from('after restart'), publicKeyBeforeRestart, Signature!)).toBe(true);
    });
  });

  it('forgets everything on restart when no data directory is given', async () => {
    const keyId = await withEndpoint({}, async (client) => (await client.send(new CreateKeyCommand({}))).KeyMetadata!.KeyId!);
    await withEndpoint({}, async (client) => {
      await expect(client.send(new DescribeKeyCommand({ KeyId: keyId }))).rejects.toBeInstanceOf(NotFoundException);
    });
  });
});
