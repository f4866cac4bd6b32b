import { CreateAlias, DeleteAlias, ListAliases, UpdateAlias } from './aliases';
import { Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, GenerateRandom, ReEncrypt } from './encryption';
import { CancelKeyDeletion, CreateKey, DescribeKey, DisableKey, EnableKey, ListKeys, ScheduleKeyDeletion } from './keys';
import type { Operation } from './operation';
import { DisableKeyRotation, EnableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand } from './rotation';
import { GetPublicKey, Sign, Verify } from './signing';
import { GenerateMac, VerifyMac } from './mac';
import { ListResourceTags, TagResource, UntagResource } from './tags';

/** The operations the platform uses (and a few neighbours tests find handy); anything else is UnknownOperationException. */
export const operations: Readonly<Record<string, Operation>> = {
  CreateKey, DescribeKey, ListKeys, EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion,
  EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand,
  TagResource, UntagResource, ListResourceTags,
  CreateAlias, UpdateAlias, DeleteAlias, ListAliases,
  Encrypt, Decrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncrypt, GenerateRandom,
  GetPublicKey, Sign, Verify, GenerateMac, VerifyMac,
};
