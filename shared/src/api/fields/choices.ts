import * as z from 'zod/mini';
import { SEAL_KINDS, COMPANY_TYPES, MEDIA, SEAL_ALGORITHMS } from '../../domain/seal';
import { REVOCATION_CATEGORIES } from '../../domain/reasons';
import { GRANT_ROLES } from '../../domain/roles';

/** The fixed choices (kinds, media, roles) and the reasons given for a change. */

export const sealKind = z.enum(SEAL_KINDS, { error: '印章类型不正确' });

export const companyType = z.enum(COMPANY_TYPES, { error: '企业类型不正确' });

export const medium = z.enum(MEDIA, { error: '领取介质不正确' });

export const sealAlgorithm = z.enum(SEAL_ALGORITHMS, { error: '签名算法不正确' });

export const grantRole = z.enum(GRANT_ROLES, { error: '授权类型不正确' });

export const reasonText = z
  .string({ error: '请填写原因' })
  .check(z.trim(), z.minLength(2, '原因至少2个字'), z.maxLength(200, '原因不超过200字'));

export const revocationReason = z
  .object({
    category: z.enum(REVOCATION_CATEGORIES, { error: '请选择注销原因' }),
    text: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  })
  .check(z.refine((r) => r.category !== 'other' || (r.text?.length ?? 0) >= 2, { error: '选择其他原因时请注明原因', path: ['text'] }));
