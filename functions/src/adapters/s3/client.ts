import { perServices } from '../per-services';
import { createObjectStore, type ObjectStore } from './object-store';

/**
 * The documents bucket of this container, built on first use. Locally the endpoint is the s3rver
 * of the local stack (path-style); in AWS the bucket's virtual host in AWS_REGION.
 */
export const documentsStoreOf = perServices(
  (services): ObjectStore => createObjectStore({ bucket: services.config.DOCUMENTS_BUCKET, endpoint: services.config.S3_ENDPOINT, region: services.config.AWS_REGION }),
);
