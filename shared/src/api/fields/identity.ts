import * as z from 'zod/mini';
import { isValidCreditCode } from '../../validation/credit-code';
import { isValidIdNumber } from '../../validation/id-number';

/** A company's and a person's identifiers, as typed into forms. */

export const creditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .check(z.trim(), z.toUpperCase(), z.refine(isValidCreditCode, { error: '统一社会信用代码格式或校验位不正确' }));

export const idNumber = z
  .string({ error: '请填写身份证号码' })
  .check(z.trim(), z.toUpperCase(), z.refine(isValidIdNumber, { error: '身份证号码格式或校验位不正确' }));

export const personName = z.string({ error: '请填写姓名' }).check(z.trim(), z.minLength(2, '姓名至少2个字'), z.maxLength(30, '姓名过长'));

export const phone = z.string({ error: '请填写手机号码' }).check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '手机号码格式不正确'));
