import { randomBytes } from 'node:crypto';
import {
  CreateKeyCommand,
  DescribeKeyCommand,
  GetPublicKeyCommand,
  InvalidKeyUsageException,
  KMSInvalidSignatureException,
  SignCommand,
  VerifyCommand,
} from '@aws-sdk/client-kms';
import { DEFAULT_SM2_DISTINGUISHING_ID, sm2MessageDigest, sm2PublicKeyFromSpki } from '../../src/engines/gm';
import { GmOpenssl } from '../../test-support/gm/openssl';
import { useLocalKms } from '../../test-support/kms-server';

/** SM2 keys as KMS offers them in its China Regions: KeySpec SM2, SIGN_VERIFY, SigningAlgorithm SM2DSA. */
const kms = useLocalKms();
const { client } = kms;
let openssl: GmOpenssl;
let keyId: string;
let spki: Uint8Array;

beforeAll(async () => {
  openssl = new GmOpenssl();
  const created = await client.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY', Description: 'seal maker (SM2)' }));
  keyId = created.KeyMetadata!.KeyId!;
  spki = (await client.send(new GetPublicKeyCommand({ KeyId: keyId }))).PublicKey!;
  openssl.file('kms.spki', spki);
});
afterAll(() => openssl.dispose());

const sign = (Message: Uint8Array, MessageType: 'RAW' | 'DIGEST') =>
  client.send(new SignCommand({ KeyId: keyId, Message, MessageType, SigningAlgorithm: 'SM2DSA' })).then((r) => r.Signature!);

describe('local KMS: SM2 signing keys', () => {
  it('creates an SM2 key whose public key OpenSSL reads as SM2', async () => {
    const described = await client.send(new DescribeKeyCommand({ KeyId: keyId }));
    expect(described.KeyMetadata).toMatchObject({ KeySpec: 'SM2', KeyUsage: 'SIGN_VERIFY', SigningAlgorithms: ['SM2DSA'] });
    const key = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    expect(key).toMatchObject({ KeySpec: 'SM2', SigningAlgorithms: ['SM2DSA'] });
    expect(openssl.run(['pkey', '-pubin', '-inform', 'DER', '-in', 'kms.spki', '-noout', '-text']).output).toMatch(/ASN1 OID: SM2/);
  });

  it('signs a RAW message over SM3(Z ‖ M) with the default distinguishing ID, as OpenSSL checks it', async () => {
    const message = Buffer.from('印章数据 TBS_Sign');
    openssl.file('raw.msg', message);
    openssl.file('raw.sig', await sign(message, 'RAW'));
    expect(openssl.sm2Verifies('kms.spki', 'raw.msg', 'raw.sig', DEFAULT_SM2_DISTINGUISHING_ID)).toBe(true);
    expect(openssl.sm2Verifies('kms.spki', 'raw.msg', 'raw.sig', '')).toBe(false);
  });

  it('signs a DIGEST e = SM3(Z ‖ M) computed by the caller, with the caller’s own distinguishing ID', async () => {
    const message = randomBytes(5000); // over the 4096-byte RAW limit: only a digest can be sent
    openssl.file('digest.msg', message);
    const id = 'company-91440300MA5XXXXXX';
    openssl.file('digest.sig', await sign(sm2MessageDigest(sm2PublicKeyFromSpki(spki), message, id), 'DIGEST'));
    expect(openssl.sm2Verifies('kms.spki', 'digest.msg', 'digest.sig', id)).toBe(true);
    expect(openssl.sm2Verifies('kms.spki', 'digest.msg', 'digest.sig', DEFAULT_SM2_DISTINGUISHING_ID)).toBe(false);
  });

  it('verifies SM2DSA signatures made by OpenSSL, and refuses a wrong one with KMSInvalidSignatureException', async () => {
    const message = Buffer.from('verify me');
    openssl.file('ossl.msg', message);
    // A signature by another key over the same message must not pass.
    openssl.run(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:sm2', '-out', 'other.pem']);
    openssl.run(['pkeyutl', '-sign', '-inkey', 'other.pem', '-rawin', '-digest', 'sm3', '-in', 'ossl.msg', '-out', 'other.sig', '-pkeyopt', `distid:${DEFAULT_SM2_DISTINGUISHING_ID}`]);
    await expect(
      client.send(new VerifyCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', Signature: openssl.read('other.sig'), SigningAlgorithm: 'SM2DSA' })),
    ).rejects.toBeInstanceOf(KMSInvalidSignatureException);
    const ours = await sign(message, 'RAW');
    const raw = await client.send(new VerifyCommand({ KeyId: keyId, Message: message, MessageType: 'RAW', Signature: ours, SigningAlgorithm: 'SM2DSA' }));
    expect(raw.SignatureValid).toBe(true);
    // The message type need not match the one used for signing, only say whether Message is hashed.
    const digest = sm2MessageDigest(sm2PublicKeyFromSpki(spki), message, DEFAULT_SM2_DISTINGUISHING_ID);
    const viaDigest = await client.send(new VerifyCommand({ KeyId: keyId, Message: digest, MessageType: 'DIGEST', Signature: ours, SigningAlgorithm: 'SM2DSA' }));
    expect(viaDigest.SignatureValid).toBe(true);
  });

  it('refuses ECDSA on an SM2 key, SM2DSA on a P-256 key, a short digest and SM2 for encryption', async () => {
    await expect(client.send(new SignCommand({ KeyId: keyId, Message: new Uint8Array(32), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' }))).rejects.toBeInstanceOf(
      InvalidKeyUsageException,
    );
    const p256 = await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY' }));
    await expect(
      client.send(new SignCommand({ KeyId: p256.KeyMetadata!.KeyId, Message: new Uint8Array(32), MessageType: 'DIGEST', SigningAlgorithm: 'SM2DSA' })),
    ).rejects.toBeInstanceOf(InvalidKeyUsageException);
    await expect(sign(new Uint8Array(20), 'DIGEST')).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(client.send(new CreateKeyCommand({ KeySpec: 'SM2', KeyUsage: 'ENCRYPT_DECRYPT' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });
});
