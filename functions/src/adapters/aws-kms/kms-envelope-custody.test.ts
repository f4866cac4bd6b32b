import { createHash, createPublicKey, verify } from 'node:crypto';
import { inspect } from 'node:util';
import { DecryptCommand, EncryptCommand, RotateKeyOnDemandCommand } from '@aws-sdk/client-kms';
import { useLocalKms } from '../../../test-support/kms-server';
import type { CredentialKeyContext, CredentialKeyRecord } from '../../ports/key-custody';
import { KmsEnvelopeCustody } from './kms-envelope-custody';
import { privateScalar } from './p256-digest';
import { ensurePlatformKeys } from './platform-keys';

const kms = useLocalKms();
const { client } = kms;
let custody: KmsEnvelopeCustody;
let wrappingKeyId: string;

beforeAll(async () => {
  ({ wrappingKeyId } = await ensurePlatformKeys(client));
  custody = new KmsEnvelopeCustody({ client, algorithm: 'ecdsa-p256-sha256', wrappingKeyId: 'alias/seal-platform/credential-wrapping' });
});
afterEach(() => jest.restoreAllMocks());

const ctx: CredentialKeyContext = { companyId: '91440300MA5G00001X', sealId: 'seal-contract-1', credentialId: 'cred-zhang-1' };
const document = Buffer.from('采购合同 第 2026-118 号');
const digest = createHash('sha256').update(document).digest();
const verifies = (record: CredentialKeyRecord, signature: Uint8Array) =>
  verify('sha256', document, createPublicKey({ key: Buffer.from(record.publicKeySpki), format: 'der', type: 'spki' }), signature);

/** Records every command the custody sends, copying inputs at send time. */
function recordCommands() {
  const sent: { name: string; input: Record<string, unknown>; sentPlaintext?: Uint8Array }[] = [];
  const send = client.send.bind(client);
  jest.spyOn(client, 'send').mockImplementation(((command: { constructor: { name: string }; input: Record<string, unknown> }) => {
    const input = { ...command.input, ...(command.input.Plaintext ? { Plaintext: Buffer.from(command.input.Plaintext as Uint8Array) } : {}) };
    sent.push({ name: command.constructor.name, input, sentPlaintext: command.input.Plaintext as Uint8Array | undefined });
    return send(command as never);
  }) as never);
  return sent;
}

describe('kms-envelope custody', () => {
  it('creates a credential key whose signatures verify with the recorded public key', async () => {
    const record = await custody.createCredentialKey(ctx);
    expect(record.custody).toBe('kms-envelope');
    const signer = await custody.signerFor(record, ctx);
    expect(verifies(record, await signer.signDigest(digest))).toBe(true);
    expect(Buffer.from(await signer.publicKeySpki()).equals(Buffer.from(record.publicKeySpki))).toBe(true);
  });

  it('wraps the private key with the wrapping key under the credential context and stores only ciphertext', async () => {
    const sent = recordCommands();
    const record = await custody.createCredentialKey(ctx);
    const encrypt = sent.find((c) => c.name === EncryptCommand.name)!;
    expect(encrypt.input.EncryptionContext).toEqual({ ...ctx, purpose: 'seal-credential' });
    const clearKey = encrypt.input.Plaintext as Buffer;
    expect(Buffer.from(record.keyRef, 'base64').includes(clearKey)).toBe(false);
    expect(JSON.stringify(record)).not.toContain(clearKey.toString('base64'));
    expect(encrypt.sentPlaintext!.every((byte) => byte === 0)).toBe(true); // wiped once wrapped

    const scalar = privateScalar(clearKey);
    const signer = await custody.signerFor(record, ctx);
    const shown = inspect(signer, { depth: 10, showHidden: true }) + JSON.stringify(signer);
    for (const form of [Buffer.from(scalar).toString('hex'), Buffer.from(scalar).toString('base64'), [...scalar].slice(0, 6).join(', ')]) {
      expect(shown).not.toContain(form);
    }
  });

  it('unwraps the key only when a signer is asked for (after the PIN check), never when creating it', async () => {
    const sent = recordCommands();
    const record = await custody.createCredentialKey(ctx);
    expect(sent.filter((c) => c.name === DecryptCommand.name)).toHaveLength(0);
    await custody.signerFor(record, ctx);
    const decrypts = sent.filter((c) => c.name === DecryptCommand.name);
    expect(decrypts).toHaveLength(1);
    expect(decrypts[0]!.input).toMatchObject({ KeyId: 'alias/seal-platform/credential-wrapping', EncryptionContext: { ...ctx, purpose: 'seal-credential' } });
  });

  it.each([
    ['another company', { ...ctx, companyId: '91440300MA5G00002Y' }],
    ['another seal', { ...ctx, sealId: 'seal-finance-1' }],
    ['another credential', { ...ctx, credentialId: 'cred-li-1' }],
  ])('refuses to unwrap a record under %s', async (_label, otherCtx) => {
    const record = await custody.createCredentialKey(ctx);
    await expect(custody.signerFor(record, otherCtx)).rejects.toMatchObject({ name: 'KeyCustodyError', code: 'KEY_CONTEXT_MISMATCH' });
  });

  it('refuses a record whose public key belongs to another credential', async () => {
    const [record, other] = [await custody.createCredentialKey(ctx), await custody.createCredentialKey(ctx)];
    await expect(custody.signerFor({ ...record, publicKeySpki: other.publicKeySpki }, ctx)).rejects.toMatchObject({ code: 'KEY_CONTEXT_MISMATCH' });
  });

  it('still signs with credentials wrapped before the wrapping key rotated', async () => {
    const record = await custody.createCredentialKey(ctx);
    await client.send(new RotateKeyOnDemandCommand({ KeyId: wrappingKeyId }));
    const signer = await custody.signerFor(record, ctx);
    expect(verifies(record, await signer.signDigest(digest))).toBe(true);
  });

  it('retires a credential without touching KMS: dropping the wrapped key is the deletion', async () => {
    const record = await custody.createCredentialKey(ctx);
    const sent = recordCommands();
    await expect(custody.retireCredentialKey(record, ctx)).resolves.toBeUndefined();
    expect(sent).toHaveLength(0);
  });
});
