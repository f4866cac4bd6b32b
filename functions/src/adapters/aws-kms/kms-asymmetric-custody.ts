import { CreateKeyCommand, DescribeKeyCommand, ListResourceTagsCommand, ScheduleKeyDeletionCommand, type KMSClient } from '@aws-sdk/client-kms';
import { KmsDigestSigner } from './kms-digest-signer';
import { kmsCall } from './translate-kms-error';
import { KMS_SIGNING_KEYS } from './kms-algorithms';
import { algorithmOfKey } from '../../engines/pki/algorithms';
import type { SignatureAlgorithmId, Signer } from '../../ports/signer';
import { credentialKeyBinding, sameBytes, type CredentialKeyContext, type CredentialKeyRecord, type KeyCustody } from '../../ports/key-custody';
import { KeyCustodyError } from './key-custody-error';

/**
 * One KMS key per credential (decision 0004): the private key never leaves KMS. The key is
 * tagged with company, seal and credential, and every use checks the tags against the caller's
 * context, so a record copied onto another credential cannot sign. Retiring schedules deletion.
 */
export class KmsAsymmetricCustody implements KeyCustody {
  private readonly deletionWindowInDays: number;
  readonly algorithm: SignatureAlgorithmId;

  constructor(private readonly deps: { client: KMSClient; algorithm: SignatureAlgorithmId; deletionWindowInDays?: number }) {
    this.deletionWindowInDays = deps.deletionWindowInDays ?? 30;
    this.algorithm = deps.algorithm;
  }

  async createCredentialKey(ctx: CredentialKeyContext, algorithm: SignatureAlgorithmId = this.algorithm): Promise<CredentialKeyRecord> {
    const binding = credentialKeyBinding(ctx);
    const created = await kmsCall('CreateKey', () =>
      this.deps.client.send(
        new CreateKeyCommand({
          KeySpec: KMS_SIGNING_KEYS[algorithm].keySpec,
          KeyUsage: 'SIGN_VERIFY',
          Description: `Seal credential ${ctx.credentialId} (seal ${ctx.sealId}, company ${ctx.companyId})`,
          Tags: Object.entries(binding).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
        }),
      ),
    );
    const keyArn = created.KeyMetadata?.Arn;
    if (!keyArn) throw new KeyCustodyError('KEY_UNAVAILABLE', 'KMS CreateKey returned no key ARN');
    const signer = await KmsDigestSigner.create({ client: this.deps.client, keyId: keyArn, algorithm });
    return { custody: 'kms-asymmetric', keyRef: keyArn, publicKeySpki: await signer.publicKeySpki() };
  }

  async signerFor(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<Signer> {
    expectAsymmetric(record);
    const algorithm = algorithmOfKey(record.publicKeySpki);
    if (!algorithm) throw new KeyCustodyError('KEY_UNSUITABLE', 'The public key on record is of no algorithm the platform signs with');
    await this.expectBoundTo(record.keyRef, ctx);
    // create() refuses a KMS key of another algorithm than the recorded public key's.
    const signer = await KmsDigestSigner.create({ client: this.deps.client, keyId: record.keyRef, algorithm });
    if (!sameBytes(await signer.publicKeySpki(), record.publicKeySpki)) {
      throw new KeyCustodyError('KEY_CONTEXT_MISMATCH', 'The KMS key does not match the public key on record');
    }
    return signer;
  }

  /** Idempotent: a key already pending deletion counts as retired. */
  async retireCredentialKey(record: CredentialKeyRecord, ctx: CredentialKeyContext): Promise<void> {
    expectAsymmetric(record);
    const described = await kmsCall('DescribeKey', () => this.deps.client.send(new DescribeKeyCommand({ KeyId: record.keyRef })));
    if (described.KeyMetadata?.KeyState === 'PendingDeletion') return;
    // Checked before deleting: a wrong record must never destroy another credential's key.
    await this.expectBoundTo(record.keyRef, ctx);
    await kmsCall('ScheduleKeyDeletion', () =>
      this.deps.client.send(new ScheduleKeyDeletionCommand({ KeyId: record.keyRef, PendingWindowInDays: this.deletionWindowInDays })),
    );
  }

  private async expectBoundTo(keyArn: string, ctx: CredentialKeyContext): Promise<void> {
    const binding = credentialKeyBinding(ctx);
    const listed = await kmsCall('ListResourceTags', () => this.deps.client.send(new ListResourceTagsCommand({ KeyId: keyArn })));
    const tags = new Map((listed.Tags ?? []).map((tag) => [tag.TagKey, tag.TagValue]));
    if (Object.entries(binding).some(([key, value]) => tags.get(key) !== value)) {
      throw new KeyCustodyError('KEY_CONTEXT_MISMATCH', `KMS key ${keyArn} does not belong to credential ${ctx.credentialId}`);
    }
  }
}

function expectAsymmetric(record: CredentialKeyRecord): void {
  if (record.custody !== 'kms-asymmetric') throw new KeyCustodyError('KEY_UNSUITABLE', `Not a kms-asymmetric record: ${record.custody}`);
}
