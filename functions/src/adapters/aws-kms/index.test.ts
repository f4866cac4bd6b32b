import { createHash, createPublicKey, verify } from 'node:crypto';
import { useLocalKms } from '../../../test-support/kms-server';
import { createKeyCustody, ensurePlatformKeys, keyCustodyFromEnv, parseKeyCustodyKind, type CredentialKeyRecord, type KeyCustodyKind } from './index';

const kms = useLocalKms();
const { client } = kms;

beforeAll(async () => {
  await ensurePlatformKeys(client);
});

const ctx = { companyId: '91440300MA5G00001X', sealId: 'seal-1', credentialId: 'cred-1' };
const digest = createHash('sha256').update('doc').digest();
const signsVerifiably = async (custodyKind: KeyCustodyKind, record: CredentialKeyRecord) => {
  const signer = await createKeyCustody(custodyKind, { client }).signerFor(record, ctx);
  const publicKey = createPublicKey({ key: Buffer.from(record.publicKeySpki), format: 'der', type: 'spki' });
  return verify('sha256', Buffer.from('doc'), publicKey, await signer.signDigest(digest));
};

describe('choosing the key custody', () => {
  it('defaults to kms-envelope and refuses an unknown setting at start-up', () => {
    expect(parseKeyCustodyKind(undefined)).toBe('kms-envelope');
    expect(parseKeyCustodyKind('kms-asymmetric')).toBe('kms-asymmetric');
    expect(() => parseKeyCustodyKind('kms_envelope')).toThrow(expect.objectContaining({ code: 'KEY_CUSTODY_MISCONFIGURED' }));
    expect(() => keyCustodyFromEnv({ KEY_CUSTODY: 'hsm', KMS_ENDPOINT: kms.endpoint }, client)).toThrow(
      expect.objectContaining({ code: 'KEY_CUSTODY_MISCONFIGURED' }),
    );
  });

  it('creates new credential keys with the configured custody', async () => {
    const envelope = await keyCustodyFromEnv({}, client).createCredentialKey(ctx);
    const asymmetric = await keyCustodyFromEnv({ KEY_CUSTODY: 'kms-asymmetric' }, client).createCredentialKey(ctx);
    expect([envelope.custody, asymmetric.custody]).toEqual(['kms-envelope', 'kms-asymmetric']);
  });

  it('keeps signing with credentials issued before the deployment switched custody', async () => {
    const envelopeRecord = await createKeyCustody('kms-envelope', { client }).createCredentialKey(ctx);
    const asymmetricRecord = await createKeyCustody('kms-asymmetric', { client }).createCredentialKey(ctx);
    expect(await signsVerifiably('kms-asymmetric', envelopeRecord)).toBe(true);
    expect(await signsVerifiably('kms-envelope', asymmetricRecord)).toBe(true);
  });

  it('refuses a record of an unknown custody', async () => {
    const custody = createKeyCustody('kms-envelope', { client });
    const record = { custody: 'paper', keyRef: 'x', publicKeySpki: new Uint8Array() } as unknown as CredentialKeyRecord;
    await expect(custody.signerFor(record, ctx)).rejects.toMatchObject({ code: 'KEY_UNSUITABLE' });
  });
});
