import { createHash, createPublicKey, verify } from 'node:crypto';
import {
  CreateKeyCommand,
  GetPublicKeyCommand,
  InvalidKeyUsageException,
  KMSInvalidSignatureException,
  SignCommand,
  UnsupportedOperationException,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { useLocalKms } from '../../test-support/kms-server';

const kms = useLocalKms();
const { client } = kms;
let signingKeyId: string;

beforeAll(async () => {
  const created = await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
  signingKeyId = created.KeyMetadata!.KeyId!;
});

const sha256 = (text: string): Uint8Array => createHash('sha256').update(text).digest();
const publicKeyOf = async (keyId: string) => {
  const { PublicKey } = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
  return createPublicKey({ key: Buffer.from(PublicKey!), format: 'der', type: 'spki' });
};

describe('local KMS: asymmetric signing keys', () => {
  it('hands out the public key as a P-256 SubjectPublicKeyInfo with its algorithms', async () => {
    const result = await client.send(new GetPublicKeyCommand({ KeyId: signingKeyId }));
    expect(result).toMatchObject({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['ECDSA_SHA_256'] });
    expect(result.KeyId).toMatch(/^arn:aws-cn:kms:cn-north-1:000000000000:key\//);
    expect(createPublicKey({ key: Buffer.from(result.PublicKey!), format: 'der', type: 'spki' }).asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
  });

  it('signs a digest with a DER signature node:crypto verifies against the document', async () => {
    const { Signature } = await client.send(
      new SignCommand({ KeyId: signingKeyId, Message: sha256('合同 2026-001'), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    expect(Signature![0]).toBe(0x30); // DER SEQUENCE, not raw r||s
    expect(verify('sha256', Buffer.from('合同 2026-001'), await publicKeyOf(signingKeyId), Signature!)).toBe(true);
    expect(verify('sha256', Buffer.from('合同 2026-002'), await publicKeyOf(signingKeyId), Signature!)).toBe(false);
  });

  it('hashes a RAW message itself before signing', async () => {
    const message = Buffer.from('raw message');
    const { Signature } = await client.send(new SignCommand({ KeyId: signingKeyId, Message: message, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
    expect(verify('sha256', message, await publicKeyOf(signingKeyId), Signature!)).toBe(true);
  });

  it('verifies its own signatures and rejects a signature over something else', async () => {
    const digest = sha256('document');
    const { Signature } = await client.send(new SignCommand({ KeyId: signingKeyId, Message: digest, MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }));
    const verified = await client.send(
      new VerifyCommand({ KeyId: signingKeyId, Message: digest, MessageType: 'DIGEST', Signature, SigningAlgorithm: 'ECDSA_SHA_256' }),
    );
    expect(verified.SignatureValid).toBe(true);
    await expect(
      client.send(new VerifyCommand({ KeyId: signingKeyId, Message: sha256('other'), MessageType: 'DIGEST', Signature, SigningAlgorithm: 'ECDSA_SHA_256' })),
    ).rejects.toBeInstanceOf(KMSInvalidSignatureException);
  });

  it('refuses a digest that is not 32 bytes', async () => {
    await expect(
      client.send(new SignCommand({ KeyId: signingKeyId, Message: new Uint8Array(20), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    ).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });

  it('refuses to sign with a symmetric key or an algorithm the key cannot do', async () => {
    const symmetric = await client.send(new CreateKeyCommand({}));
    await expect(
      client.send(new SignCommand({ KeyId: symmetric.KeyMetadata!.KeyId, Message: sha256('x'), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    ).rejects.toBeInstanceOf(InvalidKeyUsageException);
    await expect(client.send(new GetPublicKeyCommand({ KeyId: symmetric.KeyMetadata!.KeyId }))).rejects.toBeInstanceOf(UnsupportedOperationException);
    await expect(
      client.send(new SignCommand({ KeyId: signingKeyId, Message: sha256('x'), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_384' })),
    ).rejects.toBeInstanceOf(InvalidKeyUsageException);
  });

  it('refuses key specs it does not implement rather than faking them', async () => {
    await expect(client.send(new CreateKeyCommand({ KeySpec: 'RSA_2048', KeyUsage: 'SIGN_VERIFY' }))).rejects.toBeInstanceOf(UnsupportedOperationException);
    await expect(client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'ENCRYPT_DECRYPT' }))).rejects.toMatchObject({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
  });
});
