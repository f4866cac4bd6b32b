/**
 * The page's side of the UKey 签章客户端 (decision 0120): a local service on 127.0.0.1. Each
 * operation fetches a fresh nonce and spends it. The UKey password goes to the client only.
 * The client's address can be set in localStorage `ukey.client` (another port); 17810 otherwise.
 */
const DEFAULT_URL = 'http://127.0.0.1:17810';

export interface UkeyToken {
  serial: string;
  label: string;
  manufacturer: string;
  model: string;
  passwordLocked: boolean;
  keys: { keyId: string; label: string; hasCertificate: boolean }[];
}

/** The client is not running (or not reachable from this page). */
export class UkeyClientMissing extends Error {
  constructor() {
    super('未检测到UKey签章客户端，请先下载并启动客户端后重试');
  }
}

function clientUrl(): string {
  try {
    return window.localStorage.getItem('ukey.client') ?? DEFAULT_URL;
  } catch {
    return DEFAULT_URL;
  }
}

async function reach(path: string, init?: RequestInit): Promise<Response> {
  try {
    return await fetch(clientUrl() + path, { ...init, cache: 'no-store' });
  } catch {
    throw new UkeyClientMissing();
  }
}

async function operation<T>(path: string, body: Record<string, unknown>): Promise<T> {
  const { nonce } = (await (await reach('/v1/nonce')).json()) as { nonce: string };
  const res = await reach(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ukey-nonce': nonce }, body: JSON.stringify(body) });
  const answer = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(answer.message ?? 'UKey操作失败');
  return answer;
}

export const ukeyClient = {
  tokens: async () => (await operation<{ tokens: UkeyToken[] }>('/v1/tokens', {})).tokens,
  checkPassword: (serial: string, password: string) => operation('/v1/password', { serial, password }),
  generateKey: (serial: string, password: string, label: string) => operation<{ keyId: string }>('/v1/keys', { serial, password, label }),
  csr: (serial: string, password: string, keyId: string, commonName: string) =>
    operation<{ csr: string }>('/v1/csr', { serial, password, keyId, commonName }),
  writeCertificate: (serial: string, password: string, keyId: string, certificate: string, label: string) =>
    operation('/v1/certificate', { serial, password, keyId, certificate, label }),
  /** The token signs a 32-byte digest (base64) after checking the password: DER ECDSA, base64. */
  sign: (serial: string, password: string, keyId: string, digest: string) =>
    operation<{ signature: string }>('/v1/sign', { serial, password, keyId, digest }),
  remove: (serial: string, password: string, keyId: string) => operation<{ removed: number }>('/v1/remove', { serial, password, keyId }),
};
