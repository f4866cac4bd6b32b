import type { S3Location } from './object-url';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Locally the s3rver of the local stack takes placeholder credentials; in AWS the Lambda runtime
 * puts the role's credentials in the environment (what the SDK's env provider read before).
 */
export function credentialsFor(location: S3Location, env: NodeJS.ProcessEnv = process.env): S3Credentials {
  if (location.endpoint) return { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  if (!accessKeyId || !secretAccessKey) throw new Error('S3: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY are not set');
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
