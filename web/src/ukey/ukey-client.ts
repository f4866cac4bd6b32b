import {
  NONCE_HEADER,
  NONCE_PATH,
  UKEY_CLIENT_DEFAULT_PORT,
  UKEY_CLIENT_OPERATIONS,
  type UkeyClientBody,
  type UkeyClientOperation,
} from '@seal/shared/ukey-client';

/**
 * The page's side of the UKey 签章客户端 (decision 0120): a local service on 127.0.0.1, its
 * operations in the shared table. Each operation fetches a fresh nonce and spends it. The UKey
 * password goes to the client only. The client's address can be set in localStorage `ukey.client`
 * (another port); the shared default port otherwise.
 */
const DEFAULT_URL = `http://127.0.0.1:${UKEY_CLIENT_DEFAULT_PORT}`;

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

async function operation<T, Op extends UkeyClientOperation = UkeyClientOperation>(op: Op, body: UkeyClientBody<Op>): Promise<T> {
  const { nonce } = (await (await reach(NONCE_PATH)).json()) as { nonce: string };
  const res = await reach(UKEY_CLIENT_OPERATIONS[op].path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [NONCE_HEADER]: nonce },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(answer.message ?? 'UKey操作失败');
  return answer;
}

export const ukeyClient = {
  tokens: async () => (await operation<{ tokens: UkeyToken[] }>('tokens', {})).tokens,
  checkPassword: (serial: string, password: string) => operation('password', { serial, password }),
  generateKey: (serial: string, password: string, label: string) => operation<{ keyId: string }>('keys', { serial, password, label }),
  csr: (serial: string, password: string, keyId: string, commonName: string) =>
    operation<{ csr: string }>('csr', { serial, password, keyId, commonName }),
  writeCertificate: (serial: string, password: string, keyId: string, certificate: string, label: string) =>
    operation('certificate', { serial, password, keyId, certificate, label }),
  /** The token signs a 32-byte digest (base64) after checking the password: DER ECDSA, base64. */
  sign: (serial: string, password: string, keyId: string, digest: string) =>
    operation<{ signature: string }>('sign', { serial, password, keyId, digest }),
  /** 批量签章: the token signs every digest after one password check, in order (decision 0186). */
  signBatch: (serial: string, password: string, keyId: string, digests: string[]) =>
    operation<{ signatures: string[] }>('signBatch', { serial, password, keyId, digests }),
  /** UKey登录: the token signs the platform's challenge bound to this page's origin, and hands over its certificate (decision 0185). */
  login: (serial: string, password: string, keyId: string, challenge: string) =>
    operation<{ signature: string; certificate: string }>('login', { serial, password, keyId, challenge }),
  remove: (serial: string, password: string, keyId: string) => operation<{ removed: number }>('remove', { serial, password, keyId }),
};
