import { portRecipe } from '../composition';
import { sqsSigningQueue } from '../adapters/sqs/sqs-signing-queue';

/**
 * The signing batches' queue (decision 0165): SQS, at the URL the stack gives the function. The
 * local stack composes its in-process queue instead (functions/dev/local/signing-queue.ts).
 */
export const signingQueue = portRecipe('signingQueue', (env, ports) => {
  const queueUrl = env.SIGNING_QUEUE_URL;
  if (!queueUrl) throw new Error('SIGNING_QUEUE_URL is not set: this function cannot start signing batches');
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('SQS: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set');
  return sqsSigningQueue({ queueUrl, region: ports.config.AWS_REGION, credentials: { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } });
});
