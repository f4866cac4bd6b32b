import {
  CreateKeyCommand,
  DecryptCommand,
  EncryptCommand,
  GenerateDataKeyCommand,
  GenerateDataKeyWithoutPlaintextCommand,
  IncorrectKeyException,
  InvalidCiphertextException,
  InvalidKeyUsageException,
  ReEncryptCommand,
  RotateKeyOnDemandCommand,
} from '@aws-sdk/client-kms';
import { useLocalKms } from '../../test-support/kms-server';

const kms = useLocalKms();
const { client } = kms;

const newSymmetricKey = async (): Promise<string> => (await client.send(new CreateKeyCommand({ KeySpec: 'SYMMETRIC_DEFAULT' }))).KeyMetadata!.KeyId!;
const context = { companyId: '91440300MA5FXXXX1X', sealId: 'seal-1', credentialId: 'cred-1', purpose: 'seal-credential' };
const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes!).toString('utf8');

describe('local KMS: encryption with a symmetric key', () => {
  it('decrypts what it encrypted without being told the key', async () => {
    const keyId = await newSymmetricKey();
    const { CiphertextBlob, KeyId } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('印章私钥'), EncryptionContext: context }));
    expect(KeyId).toContain(keyId);
    expect(Buffer.from(CiphertextBlob!).includes(Buffer.from('印章私钥'))).toBe(false);
    const decrypted = await client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: context }));
    expect(text(decrypted.Plaintext)).toBe('印章私钥');
    expect(decrypted.KeyId).toBe(KeyId);
  });

  it('accepts the same encryption context in any order', async () => {
    const keyId = await newSymmetricKey();
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('x'), EncryptionContext: { a: '1', b: '2' } }));
    const decrypted = await client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: { b: '2', a: '1' } }));
    expect(text(decrypted.Plaintext)).toBe('x');
  });

  it.each([
    ['another credential', { ...context, credentialId: 'cred-2' }],
    ['another seal', { ...context, sealId: 'seal-2' }],
    ['another company', { ...context, companyId: '91440300MA5FYYYY2Y' }],
    ['no context at all', undefined],
    ['an extra pair', { ...context, extra: 'x' }],
  ])('refuses to decrypt under %s', async (_label, otherContext) => {
    const keyId = await newSymmetricKey();
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('secret'), EncryptionContext: context }));
    await expect(client.send(new DecryptCommand({ CiphertextBlob, EncryptionContext: otherContext }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('refuses a tampered ciphertext', async () => {
    const keyId = await newSymmetricKey();
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('secret') }));
    const tampered = Buffer.from(CiphertextBlob!);
    tampered[tampered.length - 1]! ^= 1;
    await expect(client.send(new DecryptCommand({ CiphertextBlob: tampered }))).rejects.toBeInstanceOf(InvalidCiphertextException);
    await expect(client.send(new DecryptCommand({ CiphertextBlob: Buffer.from('not a kms blob') }))).rejects.toBeInstanceOf(InvalidCiphertextException);
  });

  it('refuses to decrypt when the caller names a different key', async () => {
    const [keyId, otherKeyId] = [await newSymmetricKey(), await newSymmetricKey()];
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('secret') }));
    await expect(client.send(new DecryptCommand({ CiphertextBlob, KeyId: otherKeyId }))).rejects.toBeInstanceOf(IncorrectKeyException);
  });

  it('refuses to encrypt with a signing key', async () => {
    const signing = await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    await expect(client.send(new EncryptCommand({ KeyId: signing.KeyMetadata!.KeyId, Plaintext: Buffer.from('x') }))).rejects.toBeInstanceOf(
      InvalidKeyUsageException,
    );
  });

  it('generates an AES-256 data key whose ciphertext decrypts to the same key', async () => {
    const keyId = await newSymmetricKey();
    const dataKey = await client.send(new GenerateDataKeyCommand({ KeyId: keyId, KeySpec: 'AES_256', EncryptionContext: context }));
    expect(dataKey.Plaintext).toHaveLength(32);
    const decrypted = await client.send(new DecryptCommand({ CiphertextBlob: dataKey.CiphertextBlob, EncryptionContext: context }));
    expect(Buffer.from(decrypted.Plaintext!).equals(Buffer.from(dataKey.Plaintext!))).toBe(true);
    const withoutPlaintext = await client.send(new GenerateDataKeyWithoutPlaintextCommand({ KeyId: keyId, KeySpec: 'AES_256' }));
    expect(withoutPlaintext).not.toHaveProperty('Plaintext');
    expect((await client.send(new DecryptCommand({ CiphertextBlob: withoutPlaintext.CiphertextBlob }))).Plaintext).toHaveLength(32);
  });

  it('re-encrypts under another key and context', async () => {
    const [source, destination] = [await newSymmetricKey(), await newSymmetricKey()];
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: source, Plaintext: Buffer.from('moved'), EncryptionContext: context }));
    const moved = await client.send(
      new ReEncryptCommand({ CiphertextBlob, SourceEncryptionContext: context, DestinationKeyId: destination, DestinationEncryptionContext: { v: '2' } }),
    );
    expect(moved.KeyId).toContain(destination);
    const decrypted = await client.send(new DecryptCommand({ CiphertextBlob: moved.CiphertextBlob, KeyId: destination, EncryptionContext: { v: '2' } }));
    expect(text(decrypted.Plaintext)).toBe('moved');
  });

  it('still decrypts ciphertexts made before a key rotation', async () => {
    const keyId = await newSymmetricKey();
    const before = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('old') }));
    await client.send(new RotateKeyOnDemandCommand({ KeyId: keyId }));
    const after = await client.send(new EncryptCommand({ KeyId: keyId, Plaintext: Buffer.from('new') }));
    expect(text((await client.send(new DecryptCommand({ CiphertextBlob: before.CiphertextBlob }))).Plaintext)).toBe('old');
    expect(text((await client.send(new DecryptCommand({ CiphertextBlob: after.CiphertextBlob }))).Plaintext)).toBe('new');
  });
});
