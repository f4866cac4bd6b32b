import { sign } from 'node:crypto';
import { QUOTAS } from '../../../config/quotas';
import { ukeyLoginMessage } from '@seal/shared/ukey-client';
import { buildWorld, startMatrixStack, type MatrixWorld } from '../../../../test-support/matrix-harness';
import type { TestStack } from '../../../../test-support/identity-stack';
import { bindSoftwareUkey, softwareUkey, unbindUkey } from '../../../../test-support/ukey';
import { chainedTrail } from '../../../../test-support/audit-trail';
import { getServices } from '../../../composition';
import { platformOrigins, UKEY_LOGIN_SECONDS } from './ukey-login';

/**
 * UKey登录 over the API (decision 0185): a challenge, the token's signature over it for the
 * platform's origin (a software key stands in for the token; the journey uses SoftHSM2), a desktop
 * session for the person whose seal is bound to the token.
 */
let t: TestStack;
let w: MatrixWorld;
let origin: string;
beforeAll(async () => {
  t = await startMatrixStack();
  w = await buildWorld(t, { spares: 3 });
  origin = platformOrigins(getServices().config)[0]!;
}, 120_000);
afterAll(() => t?.stop());
afterEach(() => {
  delete process.env.QUOTA_LIMITS;
  t.setNow(undefined);
});

type Ukey = ReturnType<typeof softwareUkey>;
const challenge = async () => {
  const res = await t.api('POST', '/v1/login/ukey-challenges');
  expect(res.status).toBe(201);
  return res.body.challenge as string;
};
/** What the UKey client does for a page of `at`: the token signs the login text. */
const tokenSigns = (ukey: Ukey, text: string, at = origin) =>
  sign('sha256', Buffer.from(ukeyLoginMessage(at, text)), ukey.privateKey).toString('base64');
const login = (body: { challenge: string; certificate: string; signature: string }) => t.api('POST', '/v1/login/ukey', { body });

describe('UKey登录', () => {
  it('logs the desktop in as the person the token’s seal is bound to, audited, and the challenge works once', async () => {
    const { sealId, ukey, certificate } = await bindSoftwareUkey(t, w);
    const text = await challenge();
    const res = await login({ challenge: text, certificate, signature: tokenSigns(ukey, text) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'desktop', person: { personId: w.personIds.legal_representative } });
    const me = await t.api('GET', '/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body.person.personId).toBe(w.personIds.legal_representative);
    const events = await chainedTrail(w.store, w.companyId);
    expect(events.at(-1)).toMatchObject({
      action: 'session.login_ukey',
      actorId: w.personIds.legal_representative,
      after: { sealId, ukeySerial: ukey.ukeySerial },
    });

    // Replayed: the same challenge and signature are refused, and nobody is logged in.
    const replay = await login({ challenge: text, certificate, signature: tokenSigns(ukey, text) });
    expect(replay).toMatchObject({
      status: 401,
      body: { code: 'UKEY_LOGIN_CHALLENGE_INVALID', message: 'UKey登录请求已失效，请重新点击“UKey登录”' },
    });
    expect(replay.body.token).toBeUndefined();
  });

  it('refuses a signature made for another origin, by another key, over another text, or a challenge not the platform’s or too old', async () => {
    const { ukey, certificate } = await bindSoftwareUkey(t, w);
    const text = await challenge();
    const failed = { status: 401, body: { code: 'UKEY_LOGIN_FAILED', message: 'UKey登录验证失败，请确认插入的是绑定印章的UKey后重试' } };
    expect(await login({ challenge: text, certificate, signature: tokenSigns(ukey, text, 'https://evil.example') })).toMatchObject(failed);
    expect(await login({ challenge: text, certificate, signature: tokenSigns(softwareUkey(), text) })).toMatchObject(failed);
    expect(await login({ challenge: text, certificate, signature: tokenSigns(ukey, `${text}x`) })).toMatchObject(failed);
    expect(await login({ challenge: text, certificate, signature: 'AAAA' })).toMatchObject(failed);
    // None of those spent the challenge: the right signature still logs in.
    expect((await login({ challenge: text, certificate, signature: tokenSigns(ukey, text) })).status).toBe(201);

    const forged = `${text.split('.').slice(0, 2).join('.')}.${'A'.repeat(43)}`;
    expect((await login({ challenge: forged, certificate, signature: tokenSigns(ukey, forged) })).body.code).toBe(
      'UKEY_LOGIN_CHALLENGE_INVALID',
    );
    const old = await challenge();
    t.setNow(new Date(Date.now() + (UKEY_LOGIN_SECONDS + 1) * 1000));
    expect((await login({ challenge: old, certificate, signature: tokenSigns(ukey, old) })).body.code).toBe('UKEY_LOGIN_CHALLENGE_INVALID');
  });

  it('refuses a token whose seal is not bound (never, or unbound since) with 403 and says what to do', async () => {
    const { sealId, ukey, certificate } = await bindSoftwareUkey(t, w);
    const notBound = {
      status: 403,
      body: { code: 'UKEY_LOGIN_NOT_BOUND', message: '该UKey未绑定电子印章或已解绑，不能用于登录，请使用微信扫码登录' },
    };
    // A certificate the platform never issued for a binding (the seal's own phone certificate is not a UKey's).
    const phoneCertificate = (await w.store.credentials.ofSeal(sealId))[0]!.certificate;
    const text = await challenge();
    expect(await login({ challenge: text, certificate: phoneCertificate, signature: tokenSigns(ukey, text) })).toMatchObject(notBound);
    expect(await login({ challenge: text, certificate: 'MIIBAAAA', signature: tokenSigns(ukey, text) })).toMatchObject(notBound);
    await unbindUkey(t, w, sealId);
    expect(await login({ challenge: text, certificate, signature: tokenSigns(ukey, text) })).toMatchObject(notBound);
    const malformed = await t.api('POST', '/v1/login/ukey', {
      body: { challenge: text, certificate: 'x'.repeat(9000), signature: 'AAAA' },
    });
    expect(malformed.status).toBe(400);
  });

  it('counts challenges and sign-ins per address', async () => {
    process.env.QUOTA_LIMITS = JSON.stringify({ 'ukeyLogin.ip': 2 });
    t.setNow(new Date(Date.now() + 3600_000)); // a fresh minute window
    await challenge();
    await challenge();
    const third = await t.api('POST', '/v1/login/ukey-challenges');
    expect(third).toMatchObject({ status: 429, body: { code: 'RATE_LIMITED', message: QUOTAS['ukeyLogin.ip'].message } });
  });
});
