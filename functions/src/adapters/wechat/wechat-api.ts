import { DomainError } from '@seal/shared';

/**
 * Calls to api.weixin.qq.com. WeChat answers HTTP 200 with `errcode` for most failures; this maps
 * them to our error codes at the adapter boundary. The message never contains secrets or tokens.
 */
export interface WechatReply {
  errcode?: number;
  errmsg?: string;
}

export class WechatApiError extends Error {
  override readonly name = 'WechatApiError';
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
    readonly path: string,
  ) {
    super(`WeChat ${path} errcode ${errcode}: ${errmsg}`);
  }
}

/** Access-token errors: refresh the token and try once more. */
export const TOKEN_ERRCODES = new Set([40001, 40014, 42001]);

export async function callWechat<T extends WechatReply>(url: string, init: { method: 'GET' | 'POST'; body?: unknown }, fetchImpl: typeof fetch = fetch): Promise<T> {
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: init.method,
      headers: init.body ? { 'content-type': 'application/json' } : undefined,
      body: init.body ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(8000),
    });
  } catch (error) {
    throw new DomainError('SERVICE_UNAVAILABLE', '微信服务暂不可用，请稍后再试', undefined, { cause: error });
  }
  const path = new URL(url).pathname;
  if (!res.ok) throw new DomainError('SERVICE_UNAVAILABLE', '微信服务暂不可用，请稍后再试', undefined, { cause: new Error(`${path} HTTP ${res.status}`) });
  const reply = (await res.json()) as T;
  if (reply.errcode && reply.errcode !== 0) throw new WechatApiError(reply.errcode, reply.errmsg ?? '', path);
  return reply;
}

/** Removes `secret=` and `access_token=` from anything that might be logged. */
export function redact(url: string): string {
  return url.replace(/(secret|access_token|js_code)=[^&]+/g, '$1=***');
}
