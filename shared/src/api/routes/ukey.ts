import * as ukey from '../dto/ukey';
import type { Route } from '../route';

/** UKey 绑定 / 解绑: consume a phone-approved QR challenge (decisions 0021, 0121). */

export const ukeyBind = {
  method: 'POST',
  path: '/v1/seals/{sealId}/ukey/bind',
  handler: 'ukey-bind',
  auth: 'session',
  summary: 'Ukey绑定（手机扫码验证身份后）',
  action: 'ukey.bind',
  params: ukey.UkeyBindingParams,
  body: ukey.UkeyBindRequest,
  response: ukey.UkeyBindingResponse,
} satisfies Route;

export const ukeyUnbind = {
  method: 'POST',
  path: '/v1/seals/{sealId}/ukey/unbind',
  handler: 'ukey-unbind',
  auth: 'session',
  summary: 'Ukey解绑（手机扫码验证身份后）',
  action: 'ukey.unbind',
  params: ukey.UkeyBindingParams,
  body: ukey.UkeyUnbindRequest,
  response: ukey.UkeyBindingResponse,
} satisfies Route;
