import type { Hash } from 'node:crypto';

/** An upload URL: the client must send exactly this content type and length (both are signed). */
export interface PresignPut {
  contentType: string;
  contentLength: number;
  expiresIn: number;
  /** The signing time; the URL works from then for `expiresIn` seconds. */
  now: Date;
}

/** A download URL; the response-* overrides become the download's headers. */
export interface PresignGet {
  expiresIn: number;
  now: Date;
  responseContentType?: string;
  responseContentDisposition?: string;
}

/** An object's bytes with their SHA-256 as a running hash: `copy()` it to finish it, or to continue it over bytes that follow. */
export interface HashedBytes {
  bytes: Uint8Array;
  sha256: Hash;
}

/**
 * The `BlobStore` port: objects by key in one bucket (documents, their signed versions, CRLs,
 * application materials, seal images), with presigned URLs so clients move large bytes directly.
 */
export interface BlobStore {
  readonly bucket: string;
  /** `ifNoneMatch: '*'` never overwrites: an existing object gives 'already-exists'. `contentMd5` for Object Lock buckets. */
  put(key: string, body: Uint8Array | string, options: { contentType: string; ifNoneMatch?: '*'; contentMd5?: boolean }): Promise<'stored' | 'already-exists'>;
  /** The object's bytes, or undefined when there is no such key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /**
   * The object's bytes, hashed (SHA-256) as they arrive in one GET: 'too-large' when its length is
   * over `maxBytes` (refused from the response's headers, before a byte of it is buffered),
   * undefined when there is no such key.
   */
  readHashed(key: string, maxBytes: number): Promise<HashedBytes | 'too-large' | undefined>;
  /** The object's size, or undefined when there is no such key. */
  head(key: string): Promise<{ size: number } | undefined>;
  delete(key: string): Promise<void>;
  /** Server-side copy within the bucket. */
  copy(fromKey: string, toKey: string): Promise<void>;
  /** Resolves when the bucket is reachable with these credentials (health probe). */
  headBucket(): Promise<void>;
  presignPut(key: string, options: PresignPut): Promise<string>;
  presignGet(key: string, options: PresignGet): Promise<string>;
}
