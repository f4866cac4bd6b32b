import { createHmac, timingSafeEqual } from 'node:crypto';
import { requiredBlob, requiredString } from '../fields';
import { KmsError } from '../kms-error';
import type { HmacMaterial } from '../key-store';
import { requireEnabled, requireUsage, resolveKey, type KmsContext } from '../resolve-key';
import type { Operation } from './operation';

/** HMAC_256 keys: GenerateMac / VerifyMac with HMAC_SHA_256, as KMS does (message up to 4096 bytes). */
function macRequest(ctx: KmsContext, body: Record<string, unknown>) {
  const key = resolveKey(ctx, requiredString(body, 'KeyId'), { allowAlias: true });
  requireEnabled(key);
  requireUsage(key, 'GENERATE_VERIFY_MAC', 'MAC operations');
  const algorithm = requiredString(body, 'MacAlgorithm');
  if (algorithm !== 'HMAC_SHA_256') throw new KmsError('InvalidKeyUsageException', `${algorithm} is not valid for ${key.arn}.`);
  const message = requiredBlob(body, 'Message', 4096);
  const mac = createHmac('sha256', Buffer.from((key.material as HmacMaterial).key, 'base64')).update(message).digest();
  return { key, algorithm, mac };
}

export const GenerateMac: Operation = (ctx, body) => {
  const { key, algorithm, mac } = macRequest(ctx, body);
  return { KeyId: key.arn, Mac: mac.toString('base64'), MacAlgorithm: algorithm };
};

/** Like KMS, a wrong MAC is KMSInvalidMacException, never `MacValid: false`. */
export const VerifyMac: Operation = (ctx, body) => {
  const { key, algorithm, mac } = macRequest(ctx, body);
  const given = requiredBlob(body, 'Mac', 64);
  if (given.length !== mac.length || !timingSafeEqual(given, mac)) throw new KmsError('KMSInvalidMacException', 'The MAC is not valid for this message and key.');
  return { KeyId: key.arn, MacValid: true, MacAlgorithm: algorithm };
};
