/**
 * What the phone shows about the desktop asking for approval: a coarse place and the browser.
 * Coarse on purpose (the first two octets of IPv4): enough for "is this my computer?", not a track.
 */
export function coarseLocation(ip: string | undefined): string {
  if (!ip) return '未知';
  const v4 = ip.replace(/^::ffff:/, '');
  if (v4 === '127.0.0.1' || v4 === '::1' || /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(v4)) return '本地网络';
  const parts = v4.split('.');
  if (parts.length === 4) return `IP ${parts[0]}.${parts[1]}.*.*`;
  return `IP ${v4.split(':').slice(0, 2).join(':')}:*`;
}

export function browserOf(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : /HeadlessChrome/.test(ua)
            ? 'Chrome'
            : '未知浏览器';
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : '未知系统';
  return `${browser} / ${os}`;
}
