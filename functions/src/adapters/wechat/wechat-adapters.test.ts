import { WechatStandIn } from '../../../test-support/wechat-stand-in';
import { HttpsWechatAuth } from './https-wechat-auth';
import { SimulatedWechatAuth, simulatedOpenid } from './simulated-wechat-auth';
import { AccessTokenCache } from './access-token';
import { WechatFaceVerifier } from '../face/wechat-face-verifier';
import type { FaceCheckSubject } from '../../ports/face-verifier';

let wx: WechatStandIn;
beforeAll(async () => {
  wx = await new WechatStandIn().start(0);
});
afterAll(() => wx.stop());

const auth = () => new HttpsWechatAuth({ base: wx.url, appId: wx.appId, appSecret: wx.appSecret });

describe('WeChat login (code2session) against the stand-in', () => {
  it('turns a wx.login code into the openid', async () => {
    expect(await auth().code2session(wx.issueCode('o-user-1'))).toEqual({ openid: 'o-user-1', unionid: undefined });
  });

  it('refuses an invalid or reused code with UNAUTHENTICATED', async () => {
    await expect(auth().code2session('nonsense')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const code = wx.issueCode('o-user-2');
    await auth().code2session(code);
    await expect(auth().code2session(code)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('reports a wrong app secret as the service being unavailable, without the secret in the message', async () => {
    const bad = new HttpsWechatAuth({ base: wx.url, appId: wx.appId, appSecret: 'wrong-secret' });
    const error = (await bad.code2session(wx.issueCode('o-3')).catch((e: Error) => e)) as Error;
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(String(error.message) + String((error as { cause?: Error }).cause?.message)).not.toContain('wrong-secret');
  });
});

describe('WeChat face verification 2.0 against the stand-in', () => {
  const tokens = () => new AccessTokenCache({ base: wx.url, appId: wx.appId, appSecret: wx.appSecret, now: () => new Date() });
  const subject = (openid: string, outSeqNo: string): FaceCheckSubject => ({
    openid,
    outSeqNo,
    name: '张伟',
    idNumber: async () => '440305198001011235',
  });

  it('accepts only verify_ret 10000, read by the server for the same openid', async () => {
    const verifier = new WechatFaceVerifier({ base: wx.url, tokens: tokens() });
    const s = subject('o-face-1', 'ft_1');
    const { verifyId } = await verifier.start(s);
    expect(verifyId).toMatch(/^[0-9a-f]{48}$/);
    expect(await verifier.result({ ...s, verifyId })).toEqual({ passed: false, reason: 'verify_ret 90000' });
    wx.finishFacialVerify(verifyId!, 10000);
    expect(await verifier.result({ ...s, verifyId })).toEqual({ passed: true });
    // Someone else's openid cannot read that pass.
    expect((await verifier.result({ ...subject('o-intruder', 'ft_1'), verifyId })).passed).toBe(false);
    // Nor can it be read for another identity (cert_hash differs).
    expect((await verifier.result({ ...s, name: '李四', verifyId })).passed).toBe(false);
  });

  it('treats a cancelled or mismatched check as failed', async () => {
    const verifier = new WechatFaceVerifier({ base: wx.url, tokens: tokens() });
    for (const ret of [90002, 10003]) {
      const s = subject(`o-face-${ret}`, `ft_${ret}`);
      const { verifyId } = await verifier.start(s);
      wx.finishFacialVerify(verifyId!, ret);
      expect(await verifier.result({ ...s, verifyId })).toEqual({ passed: false, reason: `verify_ret ${ret}` });
    }
  });

  it('refreshes an expired access token once and carries on', async () => {
    const cache = tokens();
    const verifier = new WechatFaceVerifier({ base: wx.url, tokens: cache });
    await verifier.start(subject('o-face-2', 'ft_2'));
    wx.expireTokens();
    const before = wx.calls.filter((c) => c === '/cgi-bin/token').length;
    const { verifyId } = await verifier.start(subject('o-face-3', 'ft_3'));
    expect(verifyId).toBeDefined();
    expect(wx.calls.filter((c) => c === '/cgi-bin/token').length).toBe(before + 1);
  });

  it('refuses to start without an openid (the check must run in the mini-program)', async () => {
    const verifier = new WechatFaceVerifier({ base: wx.url, tokens: tokens() });
    await expect(verifier.start({ ...subject('x', 'ft_4'), openid: undefined })).rejects.toMatchObject({ code: 'FACE_CHECK_FAILED' });
  });
});

describe('the simulated WeChat login', () => {
  it('gives each test identity its own openid and refuses production', async () => {
    const sim = new SimulatedWechatAuth('local');
    expect((await sim.code2session('sim:holder')).openid).toBe(simulatedOpenid('holder'));
    expect((await sim.code2session('sim:admin')).openid).not.toBe(simulatedOpenid('holder'));
    await expect(sim.code2session('whatever')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(() => new SimulatedWechatAuth('prod')).toThrow(expect.objectContaining({ code: 'PRODUCTION_FORBIDDEN' }));
  });
});
