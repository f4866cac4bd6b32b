import * as z from 'zod';
import { isValidCreditCode } from '../validation/credit-code';
import { isValidIdNumber } from '../validation/id-number';
import { isSixDigitPin, isWeakPin } from '../validation/pin';
import { SEAL_KINDS, COMPANY_TYPES, MEDIA } from '../domain/seal';
import { REVOCATION_CATEGORIES } from '../domain/reasons';
import { GRANT_ROLES } from '../domain/roles';

/** Field schemas reused by every DTO, each with its Chinese message. */
export const creditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .trim()
  .toUpperCase()
  .refine(isValidCreditCode, { message: '统一社会信用代码格式或校验位不正确' });

export const idNumber = z
  .string({ error: '请填写身份证号码' })
  .trim()
  .toUpperCase()
  .refine(isValidIdNumber, { message: '身份证号码格式或校验位不正确' });

export const personName = z.string({ error: '请填写姓名' }).trim().min(2, '姓名至少2个字').max(30, '姓名过长');
export const phone = z.string({ error: '请填写手机号码' }).trim().regex(/^1[3-9]\d{9}$/, '手机号码格式不正确');
export const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确');

/** A PIN on its way in: six digits; strength is checked only where a PIN is set. */
export const pin = z.string({ error: '请输入签章密码' }).refine(isSixDigitPin, { message: '签章密码须为6位数字' });
export const newPin = pin.refine((p) => !isWeakPin(p), { message: '签章密码过于简单，不能为相同数字或连续数字' });

export const sealKind = z.enum(SEAL_KINDS, { error: '印章类型不正确' });
export const companyType = z.enum(COMPANY_TYPES, { error: '企业类型不正确' });
export const medium = z.enum(MEDIA, { error: '领取介质不正确' });
export const grantRole = z.enum(GRANT_ROLES, { error: '授权类型不正确' });

export const reasonText = z.string({ error: '请填写原因' }).trim().min(2, '原因至少2个字').max(200, '原因不超过200字');

export const revocationReason = z
  .object({ category: z.enum(REVOCATION_CATEGORIES, { error: '请选择注销原因' }), text: z.string().trim().max(200).optional() })
  .refine((r) => r.category !== 'other' || (r.text?.length ?? 0) >= 2, { message: '选择其他原因时请注明原因', path: ['text'] });

/** A face ticket from a passed face check, bound to (person, action, target). */
export const faceTicket = z.string({ error: '请先完成人脸核验' }).min(16).max(2048);

export const isoDateTime = z.iso.datetime({ offset: true });
