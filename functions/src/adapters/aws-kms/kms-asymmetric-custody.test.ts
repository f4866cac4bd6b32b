import { createHash, createPublicKey, verify } from 'node:crypto';
import { DescribeKeyCommand, ListResourceTagsCommand } from '@aws-sdk/client-kms';
import { useLocalKms } from '../../../test-support/kms-server';
import type { CredentialKeyContext, CredentialKeyRecord } from '../../ports/key-custody';
import { KmsAsymmetricCustody } from './kms-asymmetric-custody';

const kms = useLocalKms();
const { client } = kms;
let custody: KmsAsymmetricCustody;

beforeAll(async () => {
  custody = new KmsAsymmetricCustody({ client, algorithm: 'ecdsa-p256-sha256', deletionWindowInDays: 7 });
});

const ctx: CredentialKeyContext = { companyId: '91440300MA5G00001X', sealId: 'seal-legal-1', credentialId: 'cred-wang-1' };
const document = Buffer.from('授权委托书');
const digest = createHash('sha256').update(document).digest();
const verifies = (record: CredentialKeyRecord, signature: Uint8Array) =>
  verify('sha256', document, createPublicKey({ key: Buffer.from(record.publicKeySpki), format: 'der', type: 'spki' }), signature);
const keyState = async (record: CredentialKeyRecord) => (await client.send(new DescribeKeyCommand({ KeyId: record.keyRef }))).KeyMetadata!.KeyState;

describe('kms-asymmetric custody', () => {
  it('creates one KMS signing key per credential, tagged with its company, seal and credential', async () => {
    const record = await custody.createCredentialKey(ctx);
    expect(record.custody).toBe('kms-asymmetric');
    expect(record.keyRef).toMatch(/^arn:aws-cn:kms:cn-north-1:\d{12}:key\//);
    const { Tags } = await client.send(new ListResourceTagsCommand({ KeyId: record.keyRef }));
    expect(Object.fromEntries(Tags!.map((t) => [t.TagKey, t.TagValue]))).toEqual({ ...ctx, purpose: 'seal-credential' });
    const other = await custody.createCredentialKey({ ...ctx, credentialId: 'cred-wang-2' });
    expect(other.keyRef).not.toBe(record.keyRef);
  });

  it('signs so that the recorded public key verifies the document', async () => {
    const record = await custody.createCredentialKey(ctx);
    const signer = await custody.signerFor(record, ctx);
    expect(verifies(record, await signer.signDigest(digest))).toBe(true);
  });

  it.each([
    ['another company', { ...ctx, companyId: '91440300MA5G00002Y' }],
    ['another seal', { ...ctx, sealId: 'seal-finance-1' }],
    ['another credential', { ...ctx, credentialId: 'cred-li-1' }],
  ])('refuses to sign for %s', async (_label, otherCtx) => {
    const record = await custody.createCredentialKey(ctx);
    await expect(custody.signerFor(record, otherCtx)).rejects.toMatchObject({ name: 'KeyCustodyError', code: 'KEY_CONTEXT_MISMATCH' });
  });

  it('retires a credential by scheduling its key for deletion, after which it cannot sign', async () => {
    const record = await custody.createCredentialKey(ctx);
    await custody.retireCredentialKey(record, ctx);
    expect(await keyState(record)).toBe('PendingDeletion');
    await expect(custody.signerFor(record, ctx)).rejects.toMatchObject({ code: 'KEY_UNAVAILABLE' });
    await expect(custody.retireCredentialKey(record, ctx)).resolves.toBeUndefined(); // twice is fine
  });

  it('will not retire a key on behalf of another credential', async () => {
    const record = await custody.createCredentialKey(ctx);
    await expect(custody.retireCredentialKey(record, { ...ctx, credentialId: 'cred-li-1' })).rejects.toMatchObject({ code: 'KEY_CONTEXT_MISMATCH' });
    expect(await keyState(record)).toBe('Enabled');
  });
});
