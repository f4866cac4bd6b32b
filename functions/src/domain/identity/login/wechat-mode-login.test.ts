import { startTestStack, seedPerson, type TestStack } from '../../../../test-support/identity-stack';
import { WechatStandIn } from '../../../../test-support/wechat-stand-in';

/** The whole phone login and a later face check with the `wechat` adapters, against the stand-in. */
let t: TestStack;
let wx: WechatStandIn;
const saved = { ...process.env };
beforeAll(async () => {
  wx = await new WechatStandIn().start(0);
  Object.assign(process.env, {
    WECHAT_AUTH: 'wechat',
    FACE_VERIFIER: 'wechat',
    WECHAT_API_BASE: wx.url,
    WECHAT_APP_ID: wx.appId,
    WECHAT_APP_SECRET: wx.appSecret,
  });
  t = await startTestStack();
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await wx?.stop();
  for (const k of ['WECHAT_AUTH', 'FACE_VERIFIER', 'WECHAT_API_BASE', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET'])
    if (saved[k] === undefined) delete process.env[k];
});

it('logs in with wx.login + WeChat face verification and reuses the sealed identity for the next face check', async () => {
  const p = seedPerson('lr-xinghe');
  const start = await t.api('POST', '/v1/login/wechat', { body: { code: wx.issueCode('o-zhangwei') } });
  expect(start.status).toBe(201);
  const { loginId, loginSecret } = start.body;
  const face = await t.api('POST', `/v1/login/${loginId}/face-checks`, { body: { loginSecret, name: p.name, idNumber: p.idNumber } });
  expect(face.body.mode).toBe('wechat');
  // The phone has not run wx.requestFacialVerify yet: no pass.
  const early = await t.api('POST', `/v1/login/${loginId}/face-checks/${face.body.ticketId}/result`, {
    body: { loginSecret, passed: true },
  });
  expect(early.body.code).toBe('FACE_CHECK_FAILED');

  const again = await t.api('POST', `/v1/login/${loginId}/face-checks`, { body: { loginSecret } });
  wx.finishFacialVerify(again.body.verifyId, 10000);
  expect(
    (await t.api('POST', `/v1/login/${loginId}/face-checks/${again.body.ticketId}/result`, { body: { loginSecret } })).body.state,
  ).toBe('passed');
  const session = await t.api('POST', `/v1/login/${loginId}/session`, { body: { loginSecret, faceTicket: again.body.ticketId } });
  expect(session.status).toBe(201);

  // A face check later in the session: WeChat gets the full ID number, opened from its sealed copy.
  const check = await t.api('POST', '/v1/face-checks', {
    token: session.body.token,
    body: { action: 'seal.apply_online', target: { companyId: '91440300MA5DXH8K2L' } },
  });
  expect(check.status).toBe(201);
  const verify = wx.sessions.get(check.body.verifyId)!;
  expect(verify.openid).toBe('o-zhangwei');
  wx.finishFacialVerify(check.body.verifyId, 10000);
  const done = await t.api('POST', `/v1/face-checks/${check.body.ticketId}/result`, { token: session.body.token, body: {} });
  expect(done.body.state).toBe('passed');
});
