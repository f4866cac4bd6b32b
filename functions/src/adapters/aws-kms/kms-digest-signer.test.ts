import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { CreateKeyCommand, GetPublicKeyCommand, ScheduleKeyDeletionCommand, SignCommand, type KMSClient } from '@aws-sdk/client-kms';
import { localKmsClient, useLocalKms } from '../../../test-support/kms-server';
import { KmsDigestSigner } from './kms-digest-signer';

const kms = useLocalKms();
const { client } = kms;

const newKey = async (spec: 'ECC_NIST_P256' | 'SYMMETRIC_DEFAULT' = 'ECC_NIST_P256') =>
  (await client.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: spec === 'ECC_NIST_P256' ? 'SIGN_VERIFY' : 'ENCRYPT_DECRYPT' }))).KeyMetadata!;

describe('KmsDigestSigner', () => {
  it('signs a document digest so that node:crypto verifies it with the published public key', async () => {
    const key = await newKey();
    const signer = await KmsDigestSigner.create({ client, keyId: key.KeyId!, algorithm: 'ecdsa-p256-sha256' });
    const document = Buffer.from('%PDF-1.7 signed attributes');
    const signature = await signer.signDigest(createHash('sha256').update(document).digest());
    const publicKey = createPublicKey({ key: Buffer.from(await signer.publicKeySpki()), format: 'der', type: 'spki' });
    expect(verify('sha256', document, publicKey, signature)).toBe(true);
    const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: key.KeyId }));
    expect(Buffer.from(await signer.publicKeySpki()).equals(Buffer.from(PublicKey!))).toBe(true);
  });

  it('sends KMS only the 32-byte digest, marked DIGEST, to the key it was created for', async () => {
    const key = await newKey();
    const signer = await KmsDigestSigner.create({ client, keyId: key.KeyId!, algorithm: 'ecdsa-p256-sha256' });
    const send = jest.spyOn(client, 'send');
    const digest = createHash('sha256').update('x').digest();
    await signer.signDigest(digest);
    const command = send.mock.calls.map(([c]) => c).find((c) => c instanceof SignCommand) as SignCommand;
    send.mockRestore();
    expect(command.input).toEqual({ KeyId: key.Arn, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' });
  });

  it('refuses a symmetric key when it is created', async () => {
    const key = await newKey('SYMMETRIC_DEFAULT');
    await expect(KmsDigestSigner.create({ client, keyId: key.KeyId!, algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ name: 'KeyCustodyError', code: 'KEY_UNSUITABLE' });
  });

  it('refuses a key that cannot do the algorithm asked for (ecdsa-p256-sha256)', async () => {
    const rsaClient = { send: async () => ({ KeyId: 'k', KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['RSASSA_PSS_SHA_256'], PublicKey: new Uint8Array(8) }) };
    await expect(KmsDigestSigner.create({ client: rsaClient as unknown as KMSClient, keyId: 'k', algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
  });

  it('refuses a key whose public key is not of the algorithm, whatever its metadata says', async () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ format: 'der', type: 'spki' });
    const lying = { send: async () => ({ KeyId: 'k', KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ECDSA_SHA_256'], PublicKey: new Uint8Array(p384) }) };
    await expect(KmsDigestSigner.create({ client: lying as unknown as KMSClient, keyId: 'k', algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
  });

  it('says which algorithm it signs with', async () => {
    const signer = await KmsDigestSigner.create({ client, keyId: (await newKey()).KeyId!, algorithm: 'ecdsa-p256-sha256' });
    expect(signer.algorithm).toBe('ecdsa-p256-sha256');
  });

  it('reports a missing key, a key pending deletion and an unreachable KMS as KEY_UNAVAILABLE', async () => {
    await expect(KmsDigestSigner.create({ client, keyId: 'alias/seal-platform/missing', algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });

    const key = await newKey();
    const signer = await KmsDigestSigner.create({ client, keyId: key.KeyId!, algorithm: 'ecdsa-p256-sha256' });
    await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    await expect(signer.signDigest(new Uint8Array(32))).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE', cause: expect.objectContaining({ name: 'KMSInvalidStateException' }) });

    const unreachable = localKmsClient('http://127.0.0.1:13119');
    await expect(KmsDigestSigner.create({ client: unreachable, keyId: key.KeyId!, algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });
    unreachable.destroy();
  });

  it('refuses anything but a 32-byte digest before calling KMS', async () => {
    const signer = await KmsDigestSigner.create({ client, keyId: (await newKey()).KeyId!, algorithm: 'ecdsa-p256-sha256' });
    await expect(signer.signDigest(Buffer.from('not a digest'))).rejects.toThrow(RangeError);
  });
});
