import {
  AlreadyExistsException,
  CreateAliasCommand,
  CreateKeyCommand,
  DecryptCommand,
  DescribeKeyCommand,
  DisabledException,
  DisableKeyCommand,
  EnableKeyRotationCommand,
  EncryptCommand,
  GetKeyRotationStatusCommand,
  InvalidAliasNameException,
  KMSInvalidStateException,
  ListAliasesCommand,
  ListResourceTagsCommand,
  NotFoundException,
  ScheduleKeyDeletionCommand,
  SignCommand,
  TagResourceCommand,
  UnsupportedOperationException,
} from '@aws-sdk/client-kms';
import { useLocalKms } from '../../test-support/kms-server';

const kms = useLocalKms();
const { client } = kms;

const newKey = async (spec: 'SYMMETRIC_DEFAULT' | 'ECC_NIST_P256' = 'SYMMETRIC_DEFAULT') =>
  (await client.send(new CreateKeyCommand({ KeySpec: spec, KeyUsage: spec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY' }))).KeyMetadata!;

describe('local KMS: keys, aliases, rotation, deletion', () => {
  it('describes a key by id, key ARN, alias name and alias ARN alike', async () => {
    const key = await newKey();
    await client.send(new CreateAliasCommand({ AliasName: 'alias/test/describe', TargetKeyId: key.KeyId }));
    const [{ Aliases }] = [await client.send(new ListAliasesCommand({ KeyId: key.KeyId }))];
    expect(Aliases).toEqual([expect.objectContaining({ AliasName: 'alias/test/describe', TargetKeyId: key.KeyId })]);
    for (const ref of [key.KeyId, key.Arn, 'alias/test/describe', Aliases![0]!.AliasArn]) {
      const described = await client.send(new DescribeKeyCommand({ KeyId: ref }));
      expect(described.KeyMetadata).toMatchObject({ KeyId: key.KeyId, KeyState: 'Enabled', KeySpec: 'SYMMETRIC_DEFAULT', Enabled: true });
      expect(described.KeyMetadata!.CreationDate).toBeInstanceOf(Date);
    }
  });

  it('answers NotFoundException for unknown keys and aliases', async () => {
    for (const ref of ['00000000-0000-0000-0000-000000000000', 'alias/missing', 'arn:aws-cn:kms:cn-north-1:000000000000:key/00000000-0000-0000-0000-000000000000']) {
      await expect(client.send(new DescribeKeyCommand({ KeyId: ref }))).rejects.toBeInstanceOf(NotFoundException);
    }
  });

  it('refuses a second alias of the same name and malformed names', async () => {
    const [first, second] = [await newKey(), await newKey()];
    await client.send(new CreateAliasCommand({ AliasName: 'alias/test/taken', TargetKeyId: first.KeyId }));
    await expect(client.send(new CreateAliasCommand({ AliasName: 'alias/test/taken', TargetKeyId: second.KeyId }))).rejects.toBeInstanceOf(AlreadyExistsException);
    await expect(client.send(new CreateAliasCommand({ AliasName: 'no-prefix', TargetKeyId: second.KeyId }))).rejects.toBeInstanceOf(InvalidAliasNameException);
    await expect(client.send(new CreateAliasCommand({ AliasName: 'alias/aws/reserved', TargetKeyId: second.KeyId }))).rejects.toBeInstanceOf(InvalidAliasNameException);
    expect((await client.send(new DescribeKeyCommand({ KeyId: 'alias/test/taken' }))).KeyMetadata!.KeyId).toBe(first.KeyId);
  });

  it('pages through aliases', async () => {
    const key = await newKey();
    for (const n of [1, 2, 3]) await client.send(new CreateAliasCommand({ AliasName: `alias/test/page-${n}`, TargetKeyId: key.KeyId }));
    const first = await client.send(new ListAliasesCommand({ KeyId: key.Arn, Limit: 2 }));
    expect(first.Truncated).toBe(true);
    const second = await client.send(new ListAliasesCommand({ KeyId: key.Arn, Limit: 2, Marker: first.NextMarker }));
    expect([...first.Aliases!, ...second.Aliases!].map((a) => a.AliasName)).toEqual(['alias/test/page-1', 'alias/test/page-2', 'alias/test/page-3']);
    expect(second.Truncated).toBe(false);
  });

  it('turns rotation on for a symmetric key and refuses it for a signing key', async () => {
    const key = await newKey();
    expect((await client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).KeyRotationEnabled).toBe(false);
    await client.send(new EnableKeyRotationCommand({ KeyId: key.KeyId }));
    expect(await client.send(new GetKeyRotationStatusCommand({ KeyId: key.KeyId }))).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    const signing = await newKey('ECC_NIST_P256');
    await expect(client.send(new EnableKeyRotationCommand({ KeyId: signing.KeyId }))).rejects.toBeInstanceOf(UnsupportedOperationException);
  });

  it('keeps tags given at creation and added later', async () => {
    const created = await client.send(new CreateKeyCommand({ KeySpec: 'ECC_NIST_P256', KeyUsage: 'SIGN_VERIFY', Tags: [{ TagKey: 'sealId', TagValue: 's-1' }] }));
    await client.send(new TagResourceCommand({ KeyId: created.KeyMetadata!.KeyId, Tags: [{ TagKey: 'companyId', TagValue: 'c-1' }] }));
    const { Tags } = await client.send(new ListResourceTagsCommand({ KeyId: created.KeyMetadata!.Arn }));
    expect(Tags).toEqual(expect.arrayContaining([{ TagKey: 'sealId', TagValue: 's-1' }, { TagKey: 'companyId', TagValue: 'c-1' }]));
  });

  it('stops using a key scheduled for deletion and refuses to schedule it twice', async () => {
    const key = await newKey('ECC_NIST_P256');
    const scheduled = await client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId, PendingWindowInDays: 7 }));
    expect(scheduled).toMatchObject({ KeyId: key.Arn, KeyState: 'PendingDeletion', PendingWindowInDays: 7 });
    expect(scheduled.DeletionDate!.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600 * 1000);
    expect((await client.send(new DescribeKeyCommand({ KeyId: key.KeyId }))).KeyMetadata).toMatchObject({ KeyState: 'PendingDeletion', Enabled: false });
    await expect(
      client.send(new SignCommand({ KeyId: key.KeyId, Message: new Uint8Array(32), MessageType: 'DIGEST', SigningAlgorithm: 'ECDSA_SHA_256' })),
    ).rejects.toBeInstanceOf(KMSInvalidStateException);
    await expect(client.send(new ScheduleKeyDeletionCommand({ KeyId: key.KeyId }))).rejects.toBeInstanceOf(KMSInvalidStateException);
    await expect(client.send(new ScheduleKeyDeletionCommand({ KeyId: 'alias/test/describe' }))).rejects.toBeInstanceOf(NotFoundException);
  });

  it('refuses a disabled key with DisabledException', async () => {
    const key = await newKey();
    const { CiphertextBlob } = await client.send(new EncryptCommand({ KeyId: key.KeyId, Plaintext: Buffer.from('x') }));
    await client.send(new DisableKeyCommand({ KeyId: key.KeyId }));
    await expect(client.send(new DecryptCommand({ CiphertextBlob }))).rejects.toBeInstanceOf(DisabledException);
  });
});
