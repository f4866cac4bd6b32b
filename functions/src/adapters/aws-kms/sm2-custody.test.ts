import { CreateKeyCommand } from '@aws-sdk/client-kms';
import { useLocalKms } from '../../../test-support/kms-server';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { signMessage } from '../../engines/pki/signer';
import { algorithmOfKey, signatureAlgorithm } from '../../engines/pki/algorithms';
import type { CredentialKeyContext, CredentialKeyRecord } from '../../ports/key-custody';
import type { Signer } from '../../ports/signer';
import { createKeyCustody } from './index';
import { KmsDigestSigner } from './kms-digest-signer';
import { ensurePlatformKeys } from './platform-keys';

/**
 * SM2 credentials in both custodies (decision 0075): made in the function and wrapped by KMS
 * (works in any region), or a KMS `KeySpec: SM2` key (AWS China regions; the local endpoint speaks
 * it). What they sign is checked by OpenSSL with the distinguishing ID, not by project code.
 */
const kms = useLocalKms();
const { client } = kms;
let openssl: GmOpenssl;

beforeAll(async () => {
  await ensurePlatformKeys(client);
  openssl = new GmOpenssl();
});
afterAll(() => openssl.dispose());

const ctx: CredentialKeyContext = { companyId: '91440300MA5G00001X', sealId: 'seal-contract-gm', credentialId: 'cred-gm-1' };
const contract = new TextEncoder().encode('采购合同 第 2026-118 号（国密）');

/** Signs through the port (the table computes e = SM3(Z ‖ M)) and asks OpenSSL whether the signature is the key's. */
async function opensslAccepts(name: string, signer: Signer, record: CredentialKeyRecord, distid = '1234567812345678'): Promise<boolean> {
  openssl.file(`${name}.spki`, record.publicKeySpki);
  openssl.file(`${name}.msg`, contract);
  openssl.file(`${name}.sig`, await signMessage(signer, contract));
  return openssl.sm2Verifies(`${name}.spki`, `${name}.msg`, `${name}.sig`, distid);
}

describe.each(['kms-envelope', 'kms-asymmetric'] as const)('SM2 credentials in %s custody', (kind) => {
  const custody = () => createKeyCustody(kind, { client, algorithm: 'sm2-sm3', deletionWindowInDays: 7 });

  it('makes an SM2 key whose signatures OpenSSL verifies with the default distinguishing ID, and only with it', async () => {
    const record = await custody().createCredentialKey({ ...ctx, credentialId: `cred-${kind}` });
    expect(record.custody).toBe(kind);
    expect(algorithmOfKey(record.publicKeySpki)).toBe('sm2-sm3');
    const signer = await custody().signerFor(record, { ...ctx, credentialId: `cred-${kind}` });
    expect(signer.algorithm).toBe('sm2-sm3');
    expect(await opensslAccepts(kind, signer, record)).toBe(true);
    expect(await opensslAccepts(`${kind}-other-id`, signer, record, 'another-id')).toBe(false);
  });

  it('serves an existing P-256 credential with P-256 after the setting moved to SM2', async () => {
    const p256 = createKeyCustody(kind, { client, deletionWindowInDays: 7 });
    const record = await p256.createCredentialKey({ ...ctx, credentialId: `cred-${kind}-p256` });
    const signer = await custody().signerFor(record, { ...ctx, credentialId: `cred-${kind}-p256` });
    expect(signer.algorithm).toBe('ecdsa-p256-sha256');
    expect(signatureAlgorithm('ecdsa-p256-sha256').verify(contract, await signMessage(signer, contract), record.publicKeySpki)).toBe(true);
  });

  it('refuses the record on another credential', async () => {
    const record = await custody().createCredentialKey({ ...ctx, credentialId: `cred-${kind}-bound` });
    await expect(custody().signerFor(record, { ...ctx, credentialId: 'cred-someone-else' })).rejects.toMatchObject({ code: 'KEY_CONTEXT_MISMATCH' });
  });
});

describe('KmsDigestSigner with SM2 keys', () => {
  const newKey = async (KeySpec: 'SM2' | 'ECC_NIST_P256') => (await client.send(new CreateKeyCommand({ KeySpec, KeyUsage: 'SIGN_VERIFY' }))).KeyMetadata!.Arn!;

  it('checks an SM2 key up front and signs the SM3(Z ‖ M) digest with SM2DSA', async () => {
    const signer = await KmsDigestSigner.create({ client, keyId: await newKey('SM2'), algorithm: 'sm2-sm3' });
    const record = { custody: 'kms-asymmetric' as const, keyRef: signer.keyId, publicKeySpki: await signer.publicKeySpki() };
    expect(await opensslAccepts('kms-digest', signer, record)).toBe(true);
    await expect(signer.signDigest(new Uint8Array(20))).rejects.toThrow(/32 bytes/);
  });

  it('refuses a P-256 key for sm2-sm3 and an SM2 key for ecdsa-p256-sha256', async () => {
    await expect(KmsDigestSigner.create({ client, keyId: await newKey('ECC_NIST_P256'), algorithm: 'sm2-sm3' })).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
    await expect(KmsDigestSigner.create({ client, keyId: await newKey('SM2'), algorithm: 'ecdsa-p256-sha256' })).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
  });
});
