import * as z from 'zod/mini';
import { isValidCreditCode } from '../validation/credit-code';
import { isValidIdNumber } from '../validation/id-number';
import { isSixDigitPin, isWeakPin } from '../validation/pin';
import { SEAL_KINDS, COMPANY_TYPES, MEDIA, SEAL_ALGORITHMS } from '../domain/seal';
import { REVOCATION_CATEGORIES } from '../domain/reasons';
import { GRANT_ROLES } from '../domain/roles';

/**
 * Field schemas reused by every DTO, each with its Chinese message. zod/mini (decision 0027):
 * checks run in the order listed, so trimming comes before the length checks.
 */
export const creditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .check(z.trim(), z.toUpperCase(), z.refine(isValidCreditCode, { error: '统一社会信用代码格式或校验位不正确' }));

export const idNumber = z
  .string({ error: '请填写身份证号码' })
  .check(z.trim(), z.toUpperCase(), z.refine(isValidIdNumber, { error: '身份证号码格式或校验位不正确' }));

export const personName = z.string({ error: '请填写姓名' }).check(z.trim(), z.minLength(2, '姓名至少2个字'), z.maxLength(30, '姓名过长'));
export const phone = z.string({ error: '请填写手机号码' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '手机号码格式不正确'));
export const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));

/** A PIN on its way in: six digits; strength is checked only where a PIN is set. */
export const pin = z.string({ error: '请输入签章密码' }).check(z.refine(isSixDigitPin, { error: '签章密码须为6位数字' }));
export const newPin = pin.check(z.refine((p) => !isWeakPin(p), { error: '签章密码过于简单，不能为相同数字或连续数字' }));

export const sealKind = z.enum(SEAL_KINDS, { error: '印章类型不正确' });
export const companyType = z.enum(COMPANY_TYPES, { error: '企业类型不正确' });
export const medium = z.enum(MEDIA, { error: '领取介质不正确' });
export const sealAlgorithm = z.enum(SEAL_ALGORITHMS, { error: '签名算法不正确' });
export const grantRole = z.enum(GRANT_ROLES, { error: '授权类型不正确' });

export const reasonText = z.string({ error: '请填写原因' }).check(z.trim(), z.minLength(2, '原因至少2个字'), z.maxLength(200, '原因不超过200字'));

export const revocationReason = z
  .object({
    category: z.enum(REVOCATION_CATEGORIES, { error: '请选择注销原因' }),
    text: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  })
  .check(z.refine((r) => r.category !== 'other' || (r.text?.length ?? 0) >= 2, { error: '选择其他原因时请注明原因', path: ['text'] }));

/** A face ticket from a passed face check, bound to (person, action, target). */
export const faceTicket = z.string({ error: '请先完成人脸核验' }).check(z.minLength(16), z.maxLength(2048));

export const isoDateTime = z.iso.datetime({ offset: true });
