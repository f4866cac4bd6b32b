import * as ukey from '../dto/ukey';
import * as identity from '../dto/identity';
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

/** UKey登录 on the desktop (guide 一.2; decision 0185): a single-use challenge, then the token's signature over it. */

export const loginUkeyChallenge = {
  method: 'POST',
  path: '/v1/login/ukey-challenges',
  handler: 'login-ukey-challenge',
  auth: 'public',
  summary: 'UKey登录：获取待签名的登录挑战',
  response: ukey.UkeyLoginChallenge,
} satisfies Route;

export const loginUkey = {
  method: 'POST',
  path: '/v1/login/ukey',
  handler: 'login-ukey',
  auth: 'public',
  summary: 'UKey登录：以UKey对挑战的签名换取电脑端会话',
  action: 'session.login_ukey',
  body: ukey.UkeyLoginRequest,
  response: identity.SessionResponse,
} satisfies Route;
