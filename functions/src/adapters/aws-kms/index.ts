import type { KMSClient } from '@aws-sdk/client-kms';
import { kmsClientFromEnv } from './client';
import type { CredentialKeyRecord, KeyCustody, KeyCustodyKind } from '../../ports/key-custody';
import { DEFAULT_SIGNATURE_ALGORITHM } from '../../engines/pki/algorithms';
import type { SignatureAlgorithmId } from '../../ports/signer';
import { KeyCustodyError } from './key-custody-error';
import { KmsAsymmetricCustody } from './kms-asymmetric-custody';
import { KmsEnvelopeCustody } from './kms-envelope-custody';
import { PLATFORM_KEY_ALIASES } from './platform-keys';

export type { CredentialKeyContext, CredentialKeyRecord, KeyCustody, KeyCustodyKind } from '../../ports/key-custody';
export { KeyCustodyError, type KeyCustodyErrorCode } from './key-custody-error';
export { ensurePlatformKeys, PLATFORM_KEY_ALIASES, type PlatformKeyIds } from './platform-keys';

export interface KeyCustodyDeps {
  client: KMSClient;
  /** The symmetric key that wraps kms-envelope credentials; its alias by default. */
  wrappingKeyId?: string;
  /** kms-asymmetric: days between retiring a credential and KMS deleting its key (7-30). */
  deletionWindowInDays?: number;
  /** The algorithm of new credential keys; existing ones keep theirs (read from their public key). */
  algorithm?: SignatureAlgorithmId;
}

/** Reads the deployment's custody setting; an unknown value stops start-up, it never falls back. */
export function parseKeyCustodyKind(value: string | undefined): KeyCustodyKind {
  const kind = value ?? 'kms-envelope';
  if (kind === 'kms-envelope' || kind === 'kms-asymmetric') return kind;
  throw new KeyCustodyError('KEY_CUSTODY_MISCONFIGURED', `KEY_CUSTODY must be kms-envelope or kms-asymmetric, not "${kind}"`);
}

/**
 * The one place a custody is chosen. New credentials get keys of the configured kind; existing
 * records are served by the custody that made them, so switching the setting never strands
 * credentials issued before the switch.
 */
export function createKeyCustody(kind: KeyCustodyKind, deps: KeyCustodyDeps): KeyCustody {
  const algorithm = deps.algorithm ?? DEFAULT_SIGNATURE_ALGORITHM;
  const custodies: Record<KeyCustodyKind, KeyCustody> = {
    'kms-envelope': new KmsEnvelopeCustody({ client: deps.client, algorithm, wrappingKeyId: deps.wrappingKeyId ?? PLATFORM_KEY_ALIASES.credentialWrapping }),
    'kms-asymmetric': new KmsAsymmetricCustody({ client: deps.client, algorithm, ...(deps.deletionWindowInDays ? { deletionWindowInDays: deps.deletionWindowInDays } : {}) }),
  };
  const forRecord = (record: CredentialKeyRecord): KeyCustody => {
    switch (record.custody) {
      case 'kms-envelope':
      case 'kms-asymmetric':
        return custodies[record.custody];
      default: {
        const unknown: never = record.custody;
        throw new KeyCustodyError('KEY_UNSUITABLE', `Unknown key custody on record: ${String(unknown)}`);
      }
    }
  };
  const creating = custodies[parseKeyCustodyKind(kind)];
  return {
    algorithm,
    createCredentialKey: (ctx, algorithm) => creating.createCredentialKey(ctx, algorithm),
    signerFor: async (record, ctx) => forRecord(record).signerFor(record, ctx),
    retireCredentialKey: async (record, ctx) => forRecord(record).retireCredentialKey(record, ctx),
  };
}

/** KEY_CUSTODY (kms-envelope | kms-asymmetric), CREDENTIAL_WRAPPING_KEY_ID, plus the KMS client settings. */
export function keyCustodyFromEnv(env: NodeJS.ProcessEnv = process.env, client: KMSClient = kmsClientFromEnv(env)): KeyCustody {
  return createKeyCustody(parseKeyCustodyKind(env.KEY_CUSTODY), {
    client,
    ...(env.CREDENTIAL_WRAPPING_KEY_ID ? { wrappingKeyId: env.CREDENTIAL_WRAPPING_KEY_ID } : {}),
  });
}
