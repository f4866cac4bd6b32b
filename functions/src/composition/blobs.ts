import { portRecipe } from '../composition';
import { createObjectStore } from '../adapters/s3/object-store';

/** The documents bucket, through signed fetch (decision 0026). */
export const blobs = portRecipe('blobs', (_env, ports) => {
  const { DOCUMENTS_BUCKET, S3_ENDPOINT, AWS_REGION } = ports.config;
  return createObjectStore({ bucket: DOCUMENTS_BUCKET, endpoint: S3_ENDPOINT, region: AWS_REGION });
});
