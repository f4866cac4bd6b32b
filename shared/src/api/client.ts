import type { AuthMode, Bytes, HttpMethod, RequestBody, RequestParams, RequestQuery, ResponseOf, Route } from './route';

/**
 * The one typed client of the platform API, used by the desktop site and the mini-program alike:
 * `call(routes.signDocument, { params: { documentId }, body })` resolves with the route's response
 * type and rejects with an `ApiError`. The app injects how bytes travel (fetch, Taro.request) and
 * which session token goes with a route; this module knows no platform. Decision 0040.
 */

/** Any non-2xx answer, an unreadable answer, or no answer at all (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The parsed body of the answer, when there was one (a 503 health report carries data). */
  readonly body: unknown;
  constructor(
    readonly status: number,
    /** The API's stable code (shared `ERRORS`), or one of `ClientErrorCode` when the API gave none. */
    readonly code: string,
    message: string,
    options?: { cause?: unknown; body?: unknown },
  ) {
    super(message, options);
    this.body = options?.body;
  }
}

/** Codes the client itself gives when the answer carries no API code of its own. */
export type ClientErrorCode =
  | 'NETWORK_ERROR'
  | 'BAD_RESPONSE'
  | 'BAD_REQUEST'
  | 'UNAUTHENTICATED'
  | 'NOT_AUTHORIZED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  | 'REQUEST_FAILED';

// Wording when the API (or a proxy in front of it) sends no `{ code, message }` body.
const FALLBACK_BY_STATUS: Record<number, { code: ClientErrorCode; message: string }> = {
  400: { code: 'BAD_REQUEST', message: '请求内容有误，请检查后重试' },
  401: { code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' },
  403: { code: 'NOT_AUTHORIZED', message: '您没有权限进行此操作' },
  404: { code: 'NOT_FOUND', message: '请求的内容不存在' },
  409: { code: 'CONFLICT', message: '数据已被更新，请刷新后重试' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: '文件过大，请压缩后重试' },
  429: { code: 'RATE_LIMITED', message: '操作过于频繁，请稍后重试' },
};
const SERVER_FALLBACK = { code: 'SERVER_ERROR', message: '服务暂时不可用，请稍后重试' } as const;
const CLIENT_FALLBACK = { code: 'REQUEST_FAILED', message: '请求失败，请稍后重试' } as const;

/** Raw request bytes as either platform holds them. */
export type BytesLike = ArrayBuffer | ArrayBufferView | Blob;

/** What the client asks the transport to send. */
export interface TransportRequest {
  method: HttpMethod;
  /** Path and query string (`/v1/seals/s1/claim?x=1`); the transport adds the API origin. */
  url: string;
  /** Accept, Content-Type and, for a signed-in route, Authorization. */
  headers: Record<string, string>;
  /** A JSON body, as a value: the transport serialises it. */
  json?: unknown;
  /** A raw body (a PDF to verify), sent as it is with the Content-Type in `headers`. */
  bytes?: BytesLike;
  /** `bytes` when a 2xx answer is a file; a non-2xx answer is read as JSON either way. */
  expect: 'json' | 'bytes';
}

/** What came back: the status and the body, parsed from JSON where it was JSON. */
export interface TransportResponse<B> {
  status: number;
  /** A 2xx file answer: the platform's bytes (`B`); otherwise the parsed JSON, or the text, or undefined. */
  data: unknown | B;
}

/** Sends one request and resolves with whatever answer came back; rejects only when none did. */
export type Transport<B> = (request: TransportRequest) => Promise<TransportResponse<B>>;

export interface ApiClientOptions<B> {
  transport: Transport<B>;
  /**
   * The bearer token to send for a route of this auth mode, or undefined to send none. May throw
   * (the desktop refuses a staff route without a staff session before any request).
   */
  token?(auth: AuthMode): string | undefined;
  /** Sees every failure before the caller does (the desktop forgets a session the API ended). */
  onError?(error: ApiError, route: Route): void;
}

/** Raw bytes for a route whose body is `bytes`. */
export interface RawBody {
  bytes: BytesLike;
  contentType: string;
}

type ParamsPart<R> = [RequestParams<R>] extends [never] ? { params?: undefined } : { params: RequestParams<R> };
type QueryPart<R> = [RequestQuery<R>] extends [never] ? { query?: undefined } : { query?: RequestQuery<R> };
type BodyPart<R> = R extends { body: Bytes }
  ? { body: RawBody }
  : [RequestBody<R>] extends [never]
    ? { body?: undefined }
    : object extends RequestBody<R>
      ? { body?: RequestBody<R> }
      : { body: RequestBody<R> };

/** What a call of route `R` takes: its path parameters, query and body, each as its DTO types it. */
export type CallInput<R extends Route> = ParamsPart<R> & QueryPart<R> & BodyPart<R>;
/** What a call of route `R` resolves with: its response type, or the platform's bytes for a file. */
export type CallResult<R extends Route, B> = R extends { response: Bytes } ? B : ResponseOf<R>;
/** The input argument, optional when the route needs nothing. */
type InputArgs<R extends Route> = object extends CallInput<R> ? [input?: CallInput<R>] : [input: CallInput<R>];

export interface ApiClient<B> {
  call<R extends Route>(route: R, ...input: InputArgs<R>): Promise<CallResult<R, B>>;
}

type QueryValue = string | number | boolean | null | undefined;

/** `/v1/seals/{sealId}` + `{ sealId: 'a b' }` → `/v1/seals/a%20b`, and the query string (undefined values left out). */
export function routePath(route: Pick<Route, 'path'>, params: object = {}, query: object = {}): string {
  const values = params as Record<string, unknown>;
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '') throw new Error(`${route.path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
  const pairs = Object.entries(query as Record<string, QueryValue>)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined && entry[1] !== null)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Reads `{ code, message }`, also when nested as `{ error: { code, message } }`. */
function errorBody(data: unknown): { code?: string; message?: string } {
  if (data === null || typeof data !== 'object') return {};
  const record = data as Record<string, unknown>;
  const inner = record.error !== null && typeof record.error === 'object' ? (record.error as Record<string, unknown>) : record;
  return { code: nonEmptyString(inner.code), message: nonEmptyString(inner.message) };
}

/**
 * The caller's value from a finished exchange, or an ApiError. A 2xx JSON answer must be an object
 * or array (204 may be empty): anything else is refused rather than handed to a page as a string.
 * A failure keeps the API's code and Chinese message; without them, wording by status.
 */
export function readAnswer<T>(status: number, data: unknown, expect: 'json' | 'bytes' = 'json'): T {
  if (status >= 200 && status < 300) {
    if (status === 204) return undefined as T;
    if (expect === 'bytes') return data as T;
    if (data !== null && typeof data === 'object') return data as T;
    throw new ApiError(status, 'BAD_RESPONSE', '服务器返回的内容无法识别，请稍后重试', { body: data });
  }
  const fallback = FALLBACK_BY_STATUS[status] ?? (status >= 500 ? SERVER_FALLBACK : CLIENT_FALLBACK);
  const body = errorBody(data);
  throw new ApiError(status, body.code ?? fallback.code, body.message ?? fallback.message, { body: data });
}

/** The request never got an HTTP answer (offline, DNS, TLS, timeout). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', '网络连接失败，请检查网络后重试', { cause });
}

export function createApiClient<B>(options: ApiClientOptions<B>): ApiClient<B> {
  async function call<R extends Route>(route: R, ...[input]: InputArgs<R>): Promise<CallResult<R, B>> {
    const { params, query, body } = (input ?? {}) as { params?: object; query?: object; body?: unknown };
    const expect = (route.response as Partial<Bytes>).kind === 'bytes' ? 'bytes' : 'json';
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      const token = options.token?.(route.auth);
      if (token) headers.Authorization = `Bearer ${token}`;
      const request: TransportRequest = { method: route.method, url: routePath(route, params, query), headers, expect };
      if ((route.body as Partial<Bytes> | undefined)?.kind === 'bytes') {
        const raw = body as RawBody;
        headers['Content-Type'] = raw.contentType;
        request.bytes = raw.bytes;
      } else if (body !== undefined || route.method === 'POST' || route.method === 'PUT') {
        // The API reads a missing body as `{}`; sending it keeps every POST a JSON request.
        headers['Content-Type'] = 'application/json';
        request.json = body ?? {};
      }
      let answer: TransportResponse<B>;
      try {
        answer = await options.transport(request);
      } catch (cause) {
        throw cause instanceof ApiError ? cause : networkError(cause);
      }
      return readAnswer<CallResult<R, B>>(answer.status, answer.data, expect);
    } catch (error) {
      if (error instanceof ApiError) options.onError?.(error, route);
      throw error;
    }
  }
  return { call };
}
