import { GenerateMacCommand, KMSInvalidMacException, NotFoundException, VerifyMacCommand, type KMSClient } from '@aws-sdk/client-kms';
import type { PinKeys } from '../../ports/pin-keys';
import { KeyCustodyError } from './key-custody-error';
import { PLATFORM_KEY_ALIASES } from './platform-keys';
import { translateKmsError } from './translate-kms-error';

/**
 * The `PinKeys` port on a KMS HMAC_256 key (GENERATE_VERIFY_MAC), named by its alias in every call:
 * no DescribeKey first, so a PIN check costs one KMS call. The bootstrap (locally) or the CDK stack
 * (in AWS) makes the key; a missing one is PLATFORM_NOT_READY.
 */
export function kmsPinKeys(client: KMSClient, keyId: string = PLATFORM_KEY_ALIASES.pinMac): PinKeys {
  const notReady = (error: unknown, operation: string) =>
    error instanceof NotFoundException
      ? new KeyCustodyError('PLATFORM_NOT_READY', `${keyId} does not exist: run the platform bootstrap`, { cause: error })
      : translateKmsError(error, operation);
  return {
    async mac(message) {
      try {
        const answer = await client.send(new GenerateMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message }));
        if (!answer.Mac) throw new KeyCustodyError('KEY_UNAVAILABLE', `KMS returned no MAC for ${keyId}`);
        return Buffer.from(answer.Mac).toString('base64');
      } catch (error) {
        throw notReady(error, 'GenerateMac');
      }
    },
    async verify(message, mac) {
      try {
        const answer = await client.send(new VerifyMacCommand({ KeyId: keyId, MacAlgorithm: 'HMAC_SHA_256', Message: message, Mac: Buffer.from(mac, 'base64') }));
        return answer.MacValid === true;
      } catch (error) {
        // KMS answers a wrong MAC with this exception, never with MacValid: false.
        if (error instanceof KMSInvalidMacException) return false;
        throw notReady(error, 'VerifyMac');
      }
    },
  };
}
