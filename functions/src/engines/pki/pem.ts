/** PEM <-> DER. A PEM file may hold several blocks (a chain); `fromPem` returns them in order. */

export type PemLabel = 'CERTIFICATE' | 'X509 CRL' | 'PRIVATE KEY' | 'PUBLIC KEY' | 'PKCS7' | 'CMS';

export function toPem(der: Uint8Array, label: PemLabel = 'CERTIFICATE'): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every block with the given label (all blocks when no label), as DER. */
export function fromPem(pem: string, label?: PemLabel): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  const pattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;
  for (const match of pem.matchAll(pattern)) {
    if (label && match[1] !== label) continue;
    blocks.push(new Uint8Array(Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64')));
  }
  return blocks;
}

/** The first block with the label; throws when there is none. */
export function firstFromPem(pem: string, label: PemLabel = 'CERTIFICATE'): Uint8Array {
  const [first] = fromPem(pem, label);
  if (!first) throw new TypeError(`no ${label} block in PEM text`);
  return first;
}

/** Accepts DER bytes or PEM text and returns DER: convenient for configuration and CLI input. */
export function derFrom(input: Uint8Array | string, label: PemLabel = 'CERTIFICATE'): Uint8Array {
  if (typeof input !== 'string') {
    const text = Buffer.from(input.subarray(0, 11)).toString('latin1');
    return text === '-----BEGIN ' ? firstFromPem(Buffer.from(input).toString('latin1'), label) : input;
  }
  return firstFromPem(input, label);
}
