import type { PinKeys } from '../../ports/pin-keys';
import type { SealStore } from '../../ports/seal-store';
import { checkPin } from '../credential/check-pin';

/**
 * The PIN proof of a QR sign approval: the lifecycle area's `checkPin` (lockout after five wrong
 * PINs, counted atomically). Returns the credential that will sign.
 */
export async function verifySigningPin(
  services: { store: SealStore; pinKeys: PinKeys },
  input: { sealId: string; personId: string; pin: string; now: Date },
): Promise<{ credentialId: string }> {
  const credential = await checkPin(services, input);
  return { credentialId: credential.credentialId };
}
