/** A small JSON client for what other parties do over the API during a phone journey (window staff, a desktop). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- journey code reads loosely typed JSON
export async function api<T = any>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : {};
  if (!response.ok)
    throw Object.assign(new Error(`${response.status} ${body.code}: ${body.message}`), { status: response.status, code: body.code });
  return body as T;
}

/** Window staff sign in (seed account window01). */
export async function staffToken(base: string): Promise<string> {
  const session = await api(base, 'POST', '/v1/staff/sessions', { body: { username: 'window01', password: 'Window#2026a' } });
  return session.token;
}
