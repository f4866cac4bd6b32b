
// Fixed at build time by config/index.ts: '' on H5 (same origin), TARO_APP_API_BASE on weapp.
const apiBase: string = process.env.TARO_APP_API_BASE ?? '';

/** Joins the API origin, the path and the query string. Absolute URLs pass through untouched. */
export function apiUrl(path: string, query?: Record<string, string | number | boolean | undefined>, base: string = apiBase): string {
  const url = /^https?:\/\//.test(path) ? path : `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
  const pairs = Object.entries(query ?? {})
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
  if (pairs.length === 0) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`;
}
