/**
 * The security headers of every response (decision 0072): API responses carry them from the
 * handler shell (define-handler) locally and in Lambda, and CloudFront's response-headers policy sets
 * the same values in AWS (infra reads this file); the local server adds the apps' policy to `/` and
 * `/web/`. Values only, no logic: one place to read what a browser is told.
 */

/** Powerful features none of the pages uses; the H5 app picks files and scans nothing with the camera. */
export const PERMISSIONS_POLICY = 'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()';

/** No page of the platform may be framed (the QR-login and signing pages would be clickjacking targets). */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

/** The API answers JSON, PDF and PNG: nothing in it is a document that may load or run anything. */
export const API_CONTENT_SECURITY_POLICY = `default-src 'none'; ${FRAME_ANCESTORS}; base-uri 'none'; form-action 'none'`;

/** Headers on every API response (JSON, binary and errors alike). */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': API_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': PERMISSIONS_POLICY,
};

/** HTTPS only, for two years, subdomains included: set in AWS (CloudFront); browsers ignore it over plain HTTP. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

export interface AppPolicyOptions {
  /** Origins the pages fetch from besides their own (the S3 endpoint of presigned uploads and downloads). */
  connectSrc?: readonly string[];
  /** `'sha256-…'` sources of the inline scripts the page was built with (the H5 build's rem script). */
  scriptHashes?: readonly string[];
}

/**
 * Taro's H5 tab bar links are `<a href="javascript:;">` (the click handler navigates): with
 * 'unsafe-hashes' this hash lets exactly that no-op URL run, and nothing else inline.
 */
export const NO_OP_JAVASCRIPT_URL_HASH = 'sha256-lfXlPY3+MCPOPb4mrw1Y961+745U3WlDQVcOXdchSQc=';

/** Any port on the loopback address: where the UKey client listens (a user may choose the port). */
export const UKEY_CLIENT_SOURCE = 'http://127.0.0.1:*';

/**
 * The apps' policy: scripts only from the site itself (and inline scripts by hash), no plugins, no
 * framing, no base-tag or form hijacking. Styles may be inline: Taro's H5 components inject their
 * own <style> elements at run time. Pages read files the person picked through blob: URLs.
 */
export function appContentSecurityPolicy(options: AppPolicyOptions = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self' 'unsafe-hashes'", `'${NO_OP_JAVASCRIPT_URL_HASH}'`, ...(options.scriptHashes ?? []).map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // The UKey 签章客户端 listens on the person's own loopback (decision 0120).
    ["connect-src 'self' blob:", ...(options.connectSrc ?? []), UKEY_CLIENT_SOURCE].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    FRAME_ANCESTORS,
  ].join('; ');
}

/** Headers on the apps' pages and assets. */
export function appSecurityHeaders(options: AppPolicyOptions = {}): Record<string, string> {
  return { ...API_SECURITY_HEADERS, 'content-security-policy': appContentSecurityPolicy(options) };
}

/**
 * In AWS, CloudFront adds this header with a secret the functions also hold (decision 0074): a
 * request without it came to the API's own URL, around the firewall, and is refused.
 */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
