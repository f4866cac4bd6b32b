import { createHmac } from 'node:crypto';
import {
  CreateKeyCommand,
  DisableKeyCommand,
  GenerateMacCommand,
  InvalidKeyUsageException,
  KMSInvalidMacException,
  DisabledException,
  VerifyMacCommand,
} from '@aws-sdk/client-kms';
import { useLocalKms } from '../../test-support/kms-server';

/** GenerateMac / VerifyMac as KMS checks them: HMAC_256 keys for GENERATE_VERIFY_MAC, the key's MAC algorithm only. */
const kms = useLocalKms();
const { client } = kms;

const hmacKey = async () => (await client.send(new CreateKeyCommand({ KeySpec: 'HMAC_256', KeyUsage: 'GENERATE_VERIFY_MAC' }))).KeyMetadata!.Arn!;
const message = new TextEncoder().encode('seal-platform/signing-pin/v1\u0000cred-1\u0000135790');

describe('local KMS: MACs with an HMAC key', () => {
  it('makes an HMAC-SHA-256 that VerifyMac accepts, and refuses another message or key with KMSInvalidMacException', async () => {
    const keyId = await hmacKey();
    const { Mac, KeyId, MacAlgorithm } = await client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message }));
    expect([KeyId, MacAlgorithm, Mac?.length]).toEqual([keyId, 'HMAC_SHA_256', 32]);
    await expect(client.send(new VerifyMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message, Mac }))).resolves.toMatchObject({ MacValid: true });
    const other = new TextEncoder().encode('seal-platform/signing-pin/v1\u0000cred-1\u0000000000');
    await expect(client.send(new VerifyMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: other, Mac }))).rejects.toBeInstanceOf(KMSInvalidMacException);
    await expect(client.send(new VerifyMacCommand({ KeyId: await hmacKey(), MacAlgorithm: 'HMAC_SHA_256', Message: message, Mac }))).rejects.toBeInstanceOf(KMSInvalidMacException);
    // The key is random: no well-known key reproduces the MAC.
    expect(Buffer.from(Mac!).equals(createHmac('sha256', Buffer.alloc(32)).update(message).digest())).toBe(false);
  });

  it('refuses a key of another usage, another MAC algorithm and a disabled key', async () => {
    const signing = (await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!.Arn!;
    await expect(client.send(new GenerateMacCommand({ KeyId: signing, MacAlgorithm: 'HMAC_SHA_256', Message: message }))).rejects.toBeInstanceOf(InvalidKeyUsageException);
    const keyId = await hmacKey();
    await expect(client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_512', Message: message }))).rejects.toBeInstanceOf(InvalidKeyUsageException);
    await client.send(new DisableKeyCommand({ KeyId: keyId }));
    await expect(client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message }))).rejects.toBeInstanceOf(DisabledException);
  });
});
