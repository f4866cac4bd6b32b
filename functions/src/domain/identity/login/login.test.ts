import { startTestStack, seedPerson, loginAs, type TestStack } from '../../../../test-support/identity-stack';

let t: TestStack;
beforeAll(async () => {
  t = await startTestStack();
}, 120_000);
afterAll(() => t?.stop());

describe('phone login', () => {
  it('asks a first-time WeChat user for name and ID number, then logs them in after a passed face check', async () => {
    const zhang = seedPerson('lr-xinghe');
    const start = await t.api('POST', '/v1/login/wechat', { body: { code: 'sim:lr-xinghe' } });
    expect(start.status).toBe(201);
    expect(start.body.identity).toBeNull();
    const { loginId, loginSecret } = start.body;
    const noIdentity = await t.api('POST', `/v1/login/${loginId}/face-checks`, { body: { loginSecret } });
    expect(noIdentity.body.code).toBe('VALIDATION_FAILED');
    const face = await t.api('POST', `/v1/login/${loginId}/face-checks`, {
      body: { loginSecret, name: zhang.name, idNumber: zhang.idNumber },
    });
    expect(face.status).toBe(201);
    expect(face.body).toMatchObject({ mode: 'simulated', identity: { name: '张伟', idNumberMasked: '4403**********1235' } });
    await t.api('POST', `/v1/login/${loginId}/face-checks/${face.body.ticketId}/result`, { body: { loginSecret, passed: true } });
    const session = await t.api('POST', `/v1/login/${loginId}/session`, { body: { loginSecret, faceTicket: face.body.ticketId } });
    expect(session.status).toBe(201);
    expect(session.body.person).toEqual({ personId: zhang.personId, name: '张伟', idNumberMasked: '4403**********1235' });
    const me = await t.api('GET', '/v1/me', { token: session.body.token });
    expect(me.status).toBe(200);
    expect(me.body.companies.map((c: { name: string }) => c.name)).toEqual(['深圳市前海星河科技有限公司']);
  });

  it('recognises a bound WeChat account the next time and checks the face of its person', async () => {
    await loginAs(t.api, 'holder');
    const again = await t.api('POST', '/v1/login/wechat', { body: { code: 'sim:holder' } });
    expect(again.body.identity).toEqual({ name: '孙丽', idNumberMasked: '4403**********' + seedPerson('holder').idNumber.slice(-4) });
    const face = await t.api('POST', `/v1/login/${again.body.loginId}/face-checks`, { body: { loginSecret: again.body.loginSecret } });
    expect(face.body.identity.name).toBe('孙丽');
  });

  it('refuses the session when the face check failed', async () => {
    const p = seedPerson('stranger');
    const { body: s } = await t.api('POST', '/v1/login/wechat', { body: { code: 'sim:stranger' } });
    const face = await t.api('POST', `/v1/login/${s.loginId}/face-checks`, {
      body: { loginSecret: s.loginSecret, name: p.name, idNumber: p.idNumber },
    });
    const failed = await t.api('POST', `/v1/login/${s.loginId}/face-checks/${face.body.ticketId}/result`, {
      body: { loginSecret: s.loginSecret, passed: false },
    });
    expect(failed.body.code).toBe('FACE_CHECK_FAILED');
    const session = await t.api('POST', `/v1/login/${s.loginId}/session`, {
      body: { loginSecret: s.loginSecret, faceTicket: face.body.ticketId },
    });
    expect(session.status).toBe(403);
    expect(session.body.code).toBe('FACE_TICKET_INVALID');
  });

  it('refuses a login step without the secret of the phone that started it', async () => {
    const { body: s } = await t.api('POST', '/v1/login/wechat', { body: { code: 'sim:admin' } });
    const res = await t.api('POST', `/v1/login/${s.loginId}/face-checks`, {
      body: { loginSecret: 'x'.repeat(43), name: '赵敏', idNumber: seedPerson('admin').idNumber },
    });
    expect(res.status).toBe(401);
  });

  it('refuses a code that is not a wx.login code', async () => {
    const res = await t.api('POST', '/v1/login/wechat', { body: { code: 'forged' } });
    expect(res.status).toBe(401);
  });

  it('logs out everywhere: the token stops working at once', async () => {
    const token = await loginAs(t.api, 'admin');
    expect((await t.api('GET', '/v1/me', { token })).status).toBe(200);
    expect((await t.api('POST', '/v1/sessions/logout', { token })).status).toBe(200);
    const after = await t.api('GET', '/v1/me', { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('SESSION_EXPIRED');
  });

  it('expires a session after its lifetime', async () => {
    const token = await loginAs(t.api, 'holder-2');
    t.setNow(new Date(Date.now() + 31 * 60 * 1000));
    try {
      expect((await t.api('GET', '/v1/me', { token })).body.code).toBe('SESSION_EXPIRED');
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('window staff login', () => {
  it('gives a staff session for the seed account and refuses a wrong password', async () => {
    const ok = await t.api('POST', '/v1/staff/sessions', { body: { username: 'window01', password: 'Window#2026a' } });
    expect(ok.status).toBe(201);
    expect(ok.body.kind).toBe('staff');
    const wrong = await t.api('POST', '/v1/staff/sessions', { body: { username: 'window01', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('用户名或密码错误');
    // A staff session is not a person's session.
    expect((await t.api('GET', '/v1/me', { token: ok.body.token })).status).toBe(403);
  });
});
