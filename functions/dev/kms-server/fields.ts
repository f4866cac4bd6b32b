import { invalid } from './kms-error';

/** Readers for request fields: KMS answers a missing or malformed field with ValidationException. */
type Body = Record<string, unknown>;

export function requiredString(body: Body, field: string): string {
  const value = optionalString(body, field);
  if (value === undefined || value === '') throw invalid(`1 validation error detected: Value null at '${lowerFirst(field)}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(`'${lowerFirst(field)}' must be a string.`);
  return value;
}

export function optionalInteger(body: Body, field: string): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalid(`'${lowerFirst(field)}' must be an integer.`);
  return value;
}

/** Blobs travel base64-encoded in JSON 1.1. */
export function requiredBlob(body: Body, field: string, maxBytes = 4096): Buffer {
  const text = requiredString(body, field);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) throw invalid(`'${lowerFirst(field)}' is not valid base64.`);
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0 || bytes.length > maxBytes) {
    throw invalid(`'${lowerFirst(field)}' must be between 1 and ${maxBytes} bytes long.`);
  }
  return bytes;
}

export type EncryptionContext = Record<string, string>;

export function encryptionContext(body: Body, field: string): EncryptionContext {
  const value = body[field];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw invalid(`'${lowerFirst(field)}' must be a map of strings.`);
  for (const entry of Object.values(value)) {
    if (typeof entry !== 'string') throw invalid(`'${lowerFirst(field)}' must be a map of strings.`);
  }
  return value as EncryptionContext;
}

export function tagList(body: Body, field: string): Record<string, string> {
  const value = body[field];
  if (value === undefined || value === null) return {};
  if (!Array.isArray(value)) throw invalid(`'${lowerFirst(field)}' must be a list of tags.`);
  const tags: Record<string, string> = {};
  for (const tag of value as unknown[]) {
    const { TagKey, TagValue } = (tag ?? {}) as { TagKey?: unknown; TagValue?: unknown };
    if (typeof TagKey !== 'string' || TagKey === '' || typeof TagValue !== 'string') {
      throw invalid('Each tag needs a non-empty TagKey and a string TagValue.');
    }
    tags[TagKey] = TagValue;
  }
  return tags;
}

const lowerFirst = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
