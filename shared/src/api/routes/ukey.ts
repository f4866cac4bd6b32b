import { route } from '../route';

/** UKey 绑定 / 解绑: consume a phone-approved QR challenge (decision 0021). */
export const ukeyRoutes = [
  route('POST', '/v1/seals/{sealId}/ukey/bind', 'ukey-bind', 'session', 'Ukey绑定（手机扫码验证身份后）'),
  route('POST', '/v1/seals/{sealId}/ukey/unbind', 'ukey-unbind', 'session', 'Ukey解绑（手机扫码验证身份后）'),
];
