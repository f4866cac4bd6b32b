import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { MAX_BATCH_DIGESTS, ukeyLoginMessage } from '@seal/shared/ukey-client';
import { SOFTHSM_MODULE, createSoftHsm } from '../test-support/softhsm';
import { startClientProcess } from '../test-support/start-client';

const ORIGIN = 'http://localhost:8080';
const PASSWORD = '246810';
const hsm = createSoftHsm([{ label: '测试UKey', password: PASSWORD }]);
let client: Awaited<ReturnType<typeof startClientProcess>>;
let serial: string;

beforeAll(async () => {
  client = await startClientProcess({ env: hsm.env, origins: [ORIGIN], module: SOFTHSM_MODULE });
  serial = (await tokens())[0]!.serial;
});
afterAll(async () => {
  await client?.stop();
  hsm.cleanup();
});

type Token = { serial: string; passwordCountLow: boolean; keys: { keyId: string; label: string; hasCertificate: boolean }[] };
const tokens = async () => (await call('/v1/tokens', {})).body.tokens as Token[];

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

/** A raw HTTP request, so the test controls every header a browser (or an attacker) would send. */
function raw(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port: client.port, method, path, headers: { host: `127.0.0.1:${client.port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, headers: res.headers, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function nonce(origin = ORIGIN) {
  const res = await raw('GET', '/v1/nonce', { origin });
  expect(res.status).toBe(200);
  return res.body.nonce as string;
}

/** What the platform's page does: a fresh nonce, then the operation. */
async function call(path: string, body: unknown, origin = ORIGIN) {
  return raw('POST', path, { origin, 'content-type': 'application/json', 'x-ukey-nonce': await nonce() }, body);
}

const pkcs11Tool = (...args: string[]) =>
  spawnSync('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--token-label', '测试UKey', ...args], { env: hsm.env, encoding: 'utf8' });

describe('the UKey client over a SoftHSM2 token', () => {
  it('lists the inserted token with its label, serial and manufacturer, and nothing for an empty slot', async () => {
    const res = await call('/v1/tokens', {});
    expect(res.status).toBe(200);
    expect(res.body.tokens).toEqual([
      expect.objectContaining({
        label: '测试UKey',
        serial,
        manufacturer: 'SoftHSM project',
        model: 'SoftHSM v2',
        passwordLocked: false,
        keys: [],
      }),
    ]);
    expect(serial).toMatch(/^[0-9a-f]{16}$/);
  });

  it('makes a key on the token that never leaves it, a CSR and signatures the token made, then writes and removes the certificate', async () => {
    const key = await call('/v1/keys', { serial, password: PASSWORD, label: 'seal-0001' });
    expect(key.status).toBe(200);
    const keyId = key.body.keyId as string;
    const publicKey = createPublicKey({ key: Buffer.from(key.body.publicKey as string, 'base64'), format: 'der', type: 'spki' });
    expect(publicKey.asymmetricKeyDetails).toEqual({ namedCurve: 'prime256v1' });

    // Not extractable, asked through PKCS#11 by the client and by OpenSC's pkcs11-tool.
    const attributes = await call('/v1/key-attributes', { serial, password: PASSWORD, keyId });
    expect(attributes.body).toEqual({ extractable: false, sensitive: true, neverExtractable: true, alwaysSensitive: true, local: true });
    const listed = pkcs11Tool('--login', '--pin', PASSWORD, '--list-objects', '--type', 'privkey');
    expect(listed.stdout).toMatch(/Access:\s+sensitive, always sensitive, never extractable, local/);
    const direct = execFileSync(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, '../test-support/read-private-key.ts'), SOFTHSM_MODULE, '测试UKey', PASSWORD, keyId],
      { env: hsm.env, encoding: 'utf8' },
    );
    expect(JSON.parse(direct)).toEqual({ extractable: false, sensitive: true, value: 'CKR_ATTRIBUTE_SENSITIVE' });

    const csr = await call('/v1/csr', { serial, password: PASSWORD, keyId, commonName: '深圳测试有限公司公章' });
    expect(csr.status).toBe(200);
    const csrFile = join(hsm.dir, 'seal.csr');
    writeFileSync(csrFile, Buffer.from(csr.body.csr as string, 'base64'));
    const checked = execFileSync(
      'openssl',
      ['req', '-inform', 'DER', '-in', csrFile, '-verify', '-noout', '-subject', '-pubkey', '-nameopt', 'utf8'],
      { encoding: 'utf8', stdio: 'pipe' },
    );
    expect(checked).toContain(`CN=深圳测试有限公司公章, serialNumber=${serial}`);
    expect(checked).toContain(publicKey.export({ format: 'pem', type: 'spki' }).toString().trim());

    const document = Buffer.from('用印文件的摘要');
    const digest = createHash('sha256').update(document).digest();
    const signed = await call('/v1/sign', { serial, password: PASSWORD, keyId, digest: digest.toString('base64') });
    expect(signed.status).toBe(200);
    expect(verify('sha256', document, publicKey, Buffer.from(signed.body.signature as string, 'base64'))).toBe(true);

    // A certificate for the token's key, issued by a CA from the CSR, written beside the key.
    const ca = join(hsm.dir, 'ca');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        `${ca}.key`,
        '-out',
        `${ca}.pem`,
        '-subj',
        '/CN=Test CA',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    execFileSync(
      'openssl',
      [
        'x509',
        '-req',
        '-inform',
        'DER',
        '-in',
        csrFile,
        '-CA',
        `${ca}.pem`,
        '-CAkey',
        `${ca}.key`,
        '-out',
        `${ca}-seal.der`,
        '-outform',
        'DER',
        '-days',
        '1',
      ],
      { stdio: 'ignore' },
    );
    const certificate = readFileSync(`${ca}-seal.der`).toString('base64');
    const written = await call('/v1/certificate', { serial, password: PASSWORD, keyId, label: 'seal-0001', certificate });
    expect(written.status).toBe(200);
    const notCertificate = await call('/v1/certificate', { serial, password: PASSWORD, keyId, label: 'seal-0001', certificate: 'AAAA' });
    expect(notCertificate).toMatchObject({ status: 400, body: { code: 'UKEY_CERTIFICATE_INVALID' } });
    expect(pkcs11Tool('--list-objects', '--type', 'cert').stdout).toContain(`ID:         ${keyId}`);
    const tokens = await call('/v1/tokens', {});
    expect((tokens.body.tokens as { keys: unknown }[])[0]!.keys).toEqual([{ keyId, label: 'seal-0001', hasCertificate: true }]);

    // UKey登录: the token signs the challenge bound to the origin the client saw, and hands over the certificate.
    const challenge = 'platform-login-challenge-0001';
    const login = await call('/v1/login', { serial, password: PASSWORD, keyId, challenge });
    expect(login.status).toBe(200);
    expect(login.body.certificate).toBe(certificate);
    const message = Buffer.from(ukeyLoginMessage(ORIGIN, challenge));
    expect(verify('sha256', message, publicKey, Buffer.from(login.body.signature as string, 'base64'))).toBe(true);
    expect(
      verify(
        'sha256',
        Buffer.from(ukeyLoginMessage('http://127.0.0.1:8080', challenge)),
        publicKey,
        Buffer.from(login.body.signature as string, 'base64'),
      ),
    ).toBe(false);
    expect((await call('/v1/login', { serial, password: '000000', keyId, challenge })).body.code).toBe('UKEY_PASSWORD_WRONG');

    // 批量签章: several digests, one password, each signature the token's over its own digest, in order.
    const documents = ['第一份', '第二份', '第三份'].map((d) => Buffer.from(d));
    const digests = documents.map((d) => createHash('sha256').update(d).digest().toString('base64'));
    const batch = await call('/v1/sign-batch', { serial, password: PASSWORD, keyId, digests });
    expect(batch.status).toBe(200);
    const signatures = (batch.body.signatures as string[]).map((v) => Buffer.from(v, 'base64'));
    expect(signatures.map((v, i) => verify('sha256', documents[i]!, publicKey, v))).toEqual([true, true, true]);
    expect((await call('/v1/sign-batch', { serial, password: '000000', keyId, digests })).body).toMatchObject({
      code: 'UKEY_PASSWORD_WRONG',
    });
    const tooMany = await call('/v1/sign-batch', {
      serial,
      password: PASSWORD,
      keyId,
      digests: Array(MAX_BATCH_DIGESTS + 1).fill(digests[0]),
    });
    expect(tooMany).toMatchObject({ status: 400, body: { code: 'UKEY_REQUEST_INVALID' } });
    await call('/v1/password', { serial, password: PASSWORD });

    expect((await call('/v1/remove', { serial, password: PASSWORD, keyId })).body).toEqual({ removed: 3 });
    expect(pkcs11Tool('--login', '--pin', PASSWORD, '--list-objects').stdout).not.toContain(keyId);
    expect((await call('/v1/sign', { serial, password: PASSWORD, keyId, digest: digest.toString('base64') })).body.code).toBe(
      'UKEY_KEY_NOT_FOUND',
    );
  });

  it('refuses a wrong UKey password, which the token counts, and clears the count on the right one', async () => {
    const wrong = await call('/v1/password', { serial, password: '000000' });
    expect(wrong).toMatchObject({
      status: 401,
      body: { code: 'UKEY_PASSWORD_WRONG', message: 'UKey密码错误，请重新输入（连续输错多次UKey将被锁定）' },
    });
    expect((await tokens())[0]).toMatchObject({ passwordCountLow: true });
    expect(pkcs11Tool('--list-token-slots').stdout).toMatch(/user PIN count low/);
    // Every operation that needs the password refuses it the same way, and makes nothing.
    expect((await call('/v1/keys', { serial, password: '000000', label: 'x' })).body.code).toBe('UKEY_PASSWORD_WRONG');
    expect((await tokens())[0]!.keys).toEqual([]);

    expect((await call('/v1/password', { serial, password: PASSWORD })).body).toEqual({ ok: true });
    expect((await tokens())[0]).toMatchObject({ passwordCountLow: false });
  });

  it('says when the UKey is not inserted', async () => {
    const res = await call('/v1/password', { serial: 'no-such-token', password: PASSWORD });
    expect(res).toMatchObject({ status: 404, body: { code: 'UKEY_NOT_FOUND', message: '未检测到该UKey，请确认UKey已插入' } });
  });
});

describe('who may talk to the client', () => {
  it('listens on 127.0.0.1 only (the kernel’s table of listening sockets)', () => {
    const port = client.port.toString(16).toUpperCase().padStart(4, '0');
    const listening = [readFileSync('/proc/net/tcp', 'utf8'), readFileSync('/proc/net/tcp6', 'utf8')]
      .flatMap((table) => table.split('\n').slice(1))
      .map((line) => line.trim().split(/\s+/))
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${port}`))
      .map((cols) => cols[1]);
    expect(listening).toEqual([`0100007F:${port}`]);
  });

  it('answers the platform’s origin, preflight included, and refuses every other origin and none at all', async () => {
    const preflight = await raw('OPTIONS', '/v1/sign', {
      origin: ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-ukey-nonce',
      'access-control-request-private-network': 'true',
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, 'access-control-allow-private-network': 'true' });

    for (const origin of ['https://evil.example', 'http://localhost:8081', 'null']) {
      const refusedPreflight = await raw('OPTIONS', '/v1/sign', { origin, 'access-control-request-method': 'POST' });
      expect(refusedPreflight.status).toBe(403);
      expect(refusedPreflight.headers['access-control-allow-origin']).toBeUndefined();
      expect((await raw('GET', '/v1/nonce', { origin })).body.code).toBe('UKEY_ORIGIN_REFUSED');
      const n = await nonce();
      const op = await raw('POST', '/v1/tokens', { origin, 'content-type': 'application/json', 'x-ukey-nonce': n }, {});
      expect(op).toMatchObject({ status: 403, body: { code: 'UKEY_ORIGIN_REFUSED' } });
    }
    expect((await raw('GET', '/v1/nonce', {})).status).toBe(403);
  });

  it('refuses a page that reached it under another host name (DNS rebinding)', async () => {
    const res = await raw('GET', '/v1/nonce', { origin: ORIGIN, host: `rebind.example:${client.port}` });
    expect(res).toMatchObject({ status: 403, body: { code: 'UKEY_ORIGIN_REFUSED' } });
  });

  it('refuses a replayed request, a nonce it never issued and a request with none; the token is untouched', async () => {
    const headers = { origin: ORIGIN, 'content-type': 'application/json', 'x-ukey-nonce': await nonce() };
    const body = { serial, password: PASSWORD, label: 'replayed' };
    expect((await raw('POST', '/v1/keys', headers, body)).status).toBe(200);
    const replay = await raw('POST', '/v1/keys', headers, body);
    expect(replay).toMatchObject({ status: 409, body: { code: 'UKEY_NONCE_INVALID' } });
    expect((await raw('POST', '/v1/keys', { ...headers, 'x-ukey-nonce': 'A'.repeat(32) }, body)).status).toBe(409);
    const { 'x-ukey-nonce': _, ...noNonce } = headers;
    expect((await raw('POST', '/v1/keys', noNonce, body)).status).toBe(409);
    expect((await tokens())[0]!.keys.filter((k) => k.label === 'replayed')).toHaveLength(1);
    await call('/v1/remove', { serial, password: PASSWORD });
  });

  it('refuses a WebSocket upgrade, a body of another type and an oversized body', async () => {
    const upgrade = await new Promise<number>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: client.port,
        path: '/v1/ws',
        headers: {
          host: `127.0.0.1:${client.port}`,
          origin: ORIGIN,
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      });
      req.on('response', (res) => resolve(res.statusCode!));
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('error', reject);
      req.end();
    });
    expect(upgrade).toBe(403);
    const form = await raw('POST', '/v1/tokens', { origin: ORIGIN, 'content-type': 'text/plain', 'x-ukey-nonce': await nonce() }, '{}');
    expect(form).toMatchObject({ status: 400, body: { code: 'UKEY_REQUEST_INVALID' } });
    const big = await raw(
      'POST',
      '/v1/certificate',
      { origin: ORIGIN, 'content-type': 'application/json', 'x-ukey-nonce': await nonce() },
      'x'.repeat(70 * 1024),
    );
    expect(big).toMatchObject({ status: 413, body: { code: 'UKEY_BODY_TOO_LARGE' } });
    const badDigest = await call('/v1/sign', { serial, password: PASSWORD, keyId: 'ab', digest: Buffer.alloc(20).toString('base64') });
    expect(badDigest).toMatchObject({ status: 400, body: { code: 'UKEY_REQUEST_INVALID' } });
  });
});
