/** Where a bucket is reached: a local S3-compatible endpoint (path-style), or AWS itself. */
export interface S3Location {
  /** The local stack's s3rver (`S3_ENDPOINT`); absent in AWS. */
  endpoint?: string;
  region: string;
}

/** RFC 3986 unreserved characters stay; everything else, `!'()*` included, is %-encoded. */
export function encodeRfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * An object key as a URL path: each segment encoded, slashes kept. This is the form SigV4 signs
 * for S3 (which encodes the path once), so the URL sent and the path signed are the same text.
 * `.` and `..` segments would be collapsed by URL parsing, so such keys are refused.
 */
export function encodeKey(key: string): string {
  const segments = key.split('/');
  if (segments.some((s) => s === '.' || s === '..')) throw new Error(`an object key cannot have '.' or '..' segments: ${key}`);
  return segments.map(encodeRfc3986).join('/');
}

/** The S3 host of an AWS region; China regions live under amazonaws.com.cn. */
export function awsS3Host(region: string): string {
  return `s3.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

/**
 * The URL of a bucket (no key) or of an object. Locally path-style under the endpoint; in AWS
 * virtual-hosted style, `https://<bucket>.s3.<region>.amazonaws.com[.cn]/<key>`.
 */
export function objectUrl(location: S3Location, bucket: string, key?: string): URL {
  const path = key === undefined ? '' : encodeKey(key);
  if (location.endpoint) {
    const base = location.endpoint.replace(/\/+$/, '');
    return new URL(`${base}/${encodeRfc3986(bucket)}${key === undefined ? '' : `/${path}`}`);
  }
  return new URL(`https://${bucket}.${awsS3Host(location.region)}/${path}`);
}
