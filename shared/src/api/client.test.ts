import { ApiError, createApiClient, readAnswer, routePath, type Transport, type TransportRequest } from './client';
import * as routes from './routes/index';
import type { SignedDocument } from './dto/documents';
import type { LoggedOut } from './dto/identity';

/** A transport that records what it was asked and answers from a list (a unit test's stand-in). */
function scripted(...answers: { status: number; data?: unknown }[]) {
  const sent: TransportRequest[] = [];
  const transport: Transport<Uint8Array> = async (request) => {
    sent.push(request);
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return { status: next.status, data: next.data };
  };
  return { sent, transport };
}

describe('the typed API client', () => {
  it("fills the route's path, sends its body as JSON with the session token, and resolves with its response", async () => {
    const signed = { documentId: 'd 1', version: 1, pages: 3, signatures: 1 };
    const { sent, transport } = scripted({ status: 200, data: signed });
    const api = createApiClient({ transport, token: (auth) => (auth === 'session' ? 'tok' : undefined) });
    const body = { sealId: 's1', pin: '135790', placements: [{ page: 1, x: 10, y: 20 }] };

    const result: SignedDocument = await api.call(routes.signDocument, { params: { documentId: 'd 1' }, body });

    expect(result).toEqual(signed);
    expect(sent).toEqual([
      {
        method: 'POST',
        url: '/v1/documents/d%201/sign',
        headers: { Accept: 'application/json', Authorization: 'Bearer tok', 'Content-Type': 'application/json' },
        json: body,
        expect: 'json',
      },
    ]);
  });

  it('sends a query string without undefined values, and no body on GET', async () => {
    const { sent, transport } = scripted({ status: 200, data: { items: [] } });
    await createApiClient({ transport }).call(routes.staffListApplications, { query: { state: 'approved', cursor: undefined } });
    expect(sent[0]).toEqual({ method: 'GET', url: '/v1/staff/applications?state=approved', headers: { Accept: 'application/json' }, expect: 'json' });
  });

  it('sends raw bytes with their content type and hands back file answers as bytes', async () => {
    const pdf = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    const { sent, transport } = scripted({ status: 200, data: { verdict: 'valid' } }, { status: 200, data: pdf });
    const api = createApiClient({ transport });
    await api.call(routes.verifyDocument, { body: { bytes: pdf, contentType: 'application/pdf' } });
    expect(sent[0]).toMatchObject({ url: '/v1/verify', bytes: pdf, headers: { 'Content-Type': 'application/pdf' }, expect: 'json' });
    const form: Uint8Array = await api.call(routes.downloadApplicationForm, { params: { applicationId: 'a1' } });
    expect(form).toBe(pdf);
    expect(sent[1]).toMatchObject({ method: 'GET', url: '/v1/applications/a1/form.pdf', expect: 'bytes' });
  });

  it('sends `{}` for a POST without a body, and types answers that have no schema', async () => {
    const { sent, transport } = scripted({ status: 200, data: { loggedOut: true } });
    const answer: LoggedOut = await createApiClient({ transport }).call(routes.logout);
    expect(answer.loggedOut).toBe(true);
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/v1/sessions/logout', json: {} });
  });

  it("rejects with the API's status, code and Chinese message, and lets the app see it first", async () => {
    const { transport } = scripted({ status: 423, data: { code: 'PIN_LOCKED', message: '签章密码连续错误次数过多，已锁定30分钟' } });
    const seen: string[] = [];
    const api = createApiClient({ transport, onError: (error, route) => seen.push(`${route.handler}:${error.code}`) });
    const failure = api.call(routes.signDocument, { params: { documentId: 'd1' }, body: { sealId: 's1', pin: '000000', crossPage: true } });
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 423, code: 'PIN_LOCKED', message: '签章密码连续错误次数过多，已锁定30分钟' });
    expect(seen).toEqual(['sign-document:PIN_LOCKED']);
  });

  it('words failures that carry no API body by their status, and keeps the body', async () => {
    const report = { status: 'degraded', services: {} };
    const { transport } = scripted({ status: 503, data: report }, { status: 404, data: '<html>' }, { status: 200, data: 'hello' });
    const api = createApiClient({ transport });
    await expect(api.call(routes.healthReady)).rejects.toMatchObject({ status: 503, code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后重试', body: report });
    await expect(api.call(routes.me)).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND', message: '请求的内容不存在' });
    await expect(api.call(routes.me)).rejects.toMatchObject({ status: 200, code: 'BAD_RESPONSE' });
  });

  it('turns a request that got no answer into NETWORK_ERROR', async () => {
    const { transport } = scripted();
    await expect(createApiClient({ transport }).call(routes.me)).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => routePath(routes.getDocument, {})).toThrow('missing path parameter documentId');
    expect(routePath(routes.pkiCertificateStatus, { serial: 'ab' }, { at: '2025-01-01T00:00:00Z' })).toBe(
      '/v1/pki/certificates/ab/status?at=2025-01-01T00%3A00%3A00Z',
    );
  });
});

describe('reading an answer', () => {
  const rejection = (status: number, data: unknown): ApiError => {
    try {
      readAnswer(status, data);
    } catch (error) {
      if (error instanceof ApiError) return error;
      throw error;
    }
    throw new Error('expected an ApiError');
  };

  it('hands back JSON objects and arrays, and nothing for 204', () => {
    expect(readAnswer(200, { seals: [] })).toEqual({ seals: [] });
    expect(readAnswer(201, [1, 2])).toEqual([1, 2]);
    expect(readAnswer(204, null)).toBeUndefined();
  });

  it("carries the API's code, message and body, also nested under `error`", () => {
    expect(rejection(409, { code: 'SEAL_FROZEN', message: '该印章已冻结，暂不能使用' })).toMatchObject({
      name: 'ApiError',
      code: 'SEAL_FROZEN',
      message: '该印章已冻结，暂不能使用',
      body: { code: 'SEAL_FROZEN', message: '该印章已冻结，暂不能使用' },
    });
    expect(rejection(403, { error: { code: 'NOT_AUTHORIZED', message: '无权操作该印章' } })).toMatchObject({ code: 'NOT_AUTHORIZED', message: '无权操作该印章' });
  });

  it('words by status what the body leaves out, and takes a proxy page for a server error', () => {
    expect(rejection(401, null)).toMatchObject({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' });
    expect(rejection(429, '')).toMatchObject({ code: 'RATE_LIMITED' });
    expect(rejection(400, { code: 'INVALID_CREDIT_CODE' })).toMatchObject({ code: 'INVALID_CREDIT_CODE', message: '请求内容有误，请检查后重试' });
    expect(rejection(418, { message: '茶壶' })).toMatchObject({ code: 'REQUEST_FAILED', message: '茶壶' });
    expect(rejection(502, '<html>Bad Gateway</html>')).toMatchObject({ code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后重试' });
  });
});

// Compile-time: the DTO types are the call's types (these lines fail `tsc` if they drift).
export function typeChecks(api: ReturnType<typeof createApiClient<Blob>>) {
  // @ts-expect-error the PIN is required
  void api.call(routes.signDocument, { params: { documentId: 'd' }, body: { sealId: 's', placements: [] } });
  // @ts-expect-error path parameters are required
  void api.call(routes.getDocument);
  // @ts-expect-error a route without a body takes none
  void api.call(routes.me, { body: { x: 1 } });
  // Defaults may be left out (`medium`), and a body whose fields are all optional may be too.
  void api.call(routes.claimSeal, { params: { sealId: 's' }, body: { faceTicket: 'f'.repeat(16), pin: '135790', pinConfirm: '135790' } });
  void api.call(routes.withdrawApplication, { params: { applicationId: 'a' } });
  const blob: Promise<Blob> = api.call(routes.pkiRoot);
  return blob;
}
