// The H5 build logs in as a test identity of the local stack: the code `sim:<key>` stands in for
// wx.login's code, and the local WeChat adapter maps it to that person (production refuses it).
export function simulatedLoginCode(identityKey: string): string {
  return `sim:${identityKey}`;
}
