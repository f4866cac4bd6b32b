import { invalid, KmsError } from '../kms-error';
import { tagList } from '../fields';
import { keyOnly } from './keys';
import type { Operation } from './operation';

export const TagResource: Operation = (ctx, body) => {
  const key = keyOnly(ctx, body);
  if (key.state === 'PendingDeletion') throw new KmsError('KMSInvalidStateException', `${key.arn} is pending deletion.`);
  ctx.store.putKey({ ...key, tags: { ...key.tags, ...tagList(body, 'Tags') } });
  return {};
};

export const UntagResource: Operation = (ctx, body) => {
  const key = keyOnly(ctx, body);
  const tagKeys = body.TagKeys;
  if (!Array.isArray(tagKeys) || !tagKeys.every((k) => typeof k === 'string')) throw invalid('TagKeys must be a list of strings.');
  const tags = { ...key.tags };
  for (const tagKey of tagKeys as string[]) delete tags[tagKey];
  ctx.store.putKey({ ...key, tags });
  return {};
};

export const ListResourceTags: Operation = (ctx, body) => ({
  Tags: Object.entries(keyOnly(ctx, body).tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue })),
  Truncated: false,
});
