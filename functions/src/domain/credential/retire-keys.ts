import { logEvent } from '../../config/logger';
import type { CredentialItem } from './find-credential';
import type { LifecycleDeps } from '../seal/deps';
import { keyContextOf, keyRecordOf } from '../seal/views';

/**
 * What a retired credential keeps of its key. kms-envelope: nothing (the wrapped key is dropped
 * in the same write that retires the credential: crypto-shredding). kms-asymmetric: the key ARN,
 * so the key can be scheduled for deletion after the write.
 */
export function shreddedKeyRef(credential: Pick<CredentialItem, 'custody' | 'keyRef'>): string {
  return credential.custody === 'kms-envelope' ? 'shredded' : credential.keyRef;
}

/**
 * After the credentials are superseded or revoked: schedule kms-asymmetric keys for deletion.
 * Best effort: a retired credential cannot sign whatever happens here (the gate refuses it), so
 * a KMS hiccup is logged, not thrown.
 */
export async function retireKeys(deps: LifecycleDeps, credentials: readonly CredentialItem[]): Promise<void> {
  await Promise.all(
    credentials
      .filter((c) => c.custody === 'kms-asymmetric')
      .map((c) =>
        deps.custody.retireCredentialKey(keyRecordOf(c), keyContextOf(c)).catch((error: unknown) => {
          logEvent('warn', 'credential key not retired', { credentialId: c.credentialId, error: String(error) });
        }),
      ),
  );
}
