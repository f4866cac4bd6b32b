import { createHash } from 'node:crypto';

/** What a seed person needs to log in by the simulated WeChat and face check. */
export interface TestPerson {
  key: string;
  name: string;
  idNumber: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: { code?: string; message?: string } | undefined,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body?.code ?? ''} ${body?.message ?? ''}`.trim());
  }
}

type Body = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The platform's HTTP API as a phone and a desktop use it: simulated WeChat login with a face
 * check, face tickets, claiming a seal, uploading by presigned URL, signing, verifying. Used by
 * `seal demo` and the documents API tests; every step goes over HTTP to the real handlers.
 */
export class PlatformClient {
  constructor(readonly baseUrl: string) {}

  async call(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; raw?: Uint8Array; contentType?: string } = {},
  ): Promise<{ status: number; body: Body }> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: BodyInit | undefined;
    if (options.raw) {
      body = options.raw as BodyInit;
      headers['content-type'] = options.contentType ?? 'application/pdf';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: Body;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  }

  /** Like `call`, but anything other than `expect` is an error naming the step. */
  async expect(
    status: number,
    what: string,
    method: string,
    path: string,
    options: Parameters<PlatformClient['call']>[2] = {},
  ): Promise<Body> {
    const res = await this.call(method, path, options);
    if (res.status !== status) throw new ApiError(res.status, res.body, what);
    return res.body;
  }

  /** Phone login: wx.login (simulated) → face check → session token. */
  async login(person: TestPerson): Promise<string> {
    const start = await this.expect(201, '登录', 'POST', '/v1/login/wechat', { body: { code: `sim:${person.key}` } });
    const { loginId, loginSecret, identity } = start;
    const face = await this.expect(201, '登录人脸核验', 'POST', `/v1/login/${loginId}/face-checks`, {
      body: { loginSecret, ...(identity ? {} : { name: person.name, idNumber: person.idNumber }) },
    });
    await this.expect(200, '登录人脸核验结果', 'POST', `/v1/login/${loginId}/face-checks/${face.ticketId}/result`, {
      body: { loginSecret, passed: true },
    });
    const session = await this.expect(201, '登录会话', 'POST', `/v1/login/${loginId}/session`, {
      body: { loginSecret, faceTicket: face.ticketId },
    });
    return session.token;
  }

  /** A passed face check (simulated verifier) for exactly this action and target. */
  async faceTicket(token: string, action: string, target: { companyId?: string; sealIds?: string[] }): Promise<string> {
    const start = await this.expect(201, '人脸核验', 'POST', '/v1/face-checks', { token, body: { action, target } });
    await this.expect(200, '人脸核验结果', 'POST', `/v1/face-checks/${start.ticketId}/result`, { token, body: { passed: true } });
    return start.ticketId;
  }

  /** 印章领取: face check, then the signing PIN; the platform issues the certificate. */
  async claimSeal(token: string, companyId: string, sealId: string, pin: string): Promise<Body> {
    const faceTicket = await this.faceTicket(token, 'seal.claim', { companyId, sealIds: [sealId] });
    return this.expect(201, '印章领取', 'POST', `/v1/seals/${sealId}/claim`, {
      token,
      body: { faceTicket, pin, pinConfirm: pin, medium: 'phone' },
    });
  }

  /** Asks for an upload URL and PUTs the bytes to it; returns the document id. */
  async upload(token: string, name: string, bytes: Uint8Array): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ticket = await this.expect(201, '申请上传', 'POST', '/v1/documents', { token, body: { name, size: bytes.length, sha256 } });
    await putBytes(ticket.uploadUrl, ticket.uploadHeaders, bytes);
    return ticket.documentId;
  }

  sign(
    token: string,
    documentId: string,
    body: { sealId: string; pin: string; placements?: { page: number; x: number; y: number }[]; crossPage?: boolean; certify?: { level: number }; requestId?: string },
  ) {
    return this.call('POST', `/v1/documents/${documentId}/sign`, { token, body: { placements: [], ...body } });
  }

  verify(bytes: Uint8Array) {
    return this.call('POST', '/v1/verify', { raw: bytes });
  }
}

/** PUT to a presigned URL with the headers it was signed for. */
export async function putBytes(url: string, headers: Record<string, string>, bytes: Uint8Array): Promise<void> {
  const { 'content-length': _length, ...rest } = headers; // fetch sets content-length itself
  const res = await fetch(url, { method: 'PUT', headers: rest, body: bytes as BodyInit });
  if (!res.ok) throw new Error(`upload failed: HTTP ${res.status} ${await res.text()}`);
}

export async function download(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
