import * as z from 'zod/mini';
import { isSixDigitPin, isWeakPin } from '../../validation/pin';

/** Ids, the signing PIN, face tickets and times: what most requests carry. */

export const id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/, '编号格式不正确'));

/** A PIN on its way in: six digits; strength is checked only where a PIN is set. */
export const pin = z.string({ error: '请输入签章密码' }).check(z.refine(isSixDigitPin, { error: '签章密码须为6位数字' }));

export const newPin = pin.check(z.refine((p) => !isWeakPin(p), { error: '签章密码过于简单，不能为相同数字或连续数字' }));

/** A face ticket from a passed face check, bound to (person, action, target). */
export const faceTicket = z.string({ error: '请先完成人脸核验' }).check(z.minLength(16), z.maxLength(2048));

export const isoDateTime = z.iso.datetime({ offset: true });
