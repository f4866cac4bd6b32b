import { derFrom, fromPem, toPem } from './pem';

describe('PEM helpers', () => {
  const first = new Uint8Array(100).map((_, i) => i);
  const second = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05]);

  it('round-trips a chain of several blocks, in order, with 64-character lines', () => {
    const pem = toPem(first) + toPem(second, 'X509 CRL') + toPem(second);
    expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
    expect(fromPem(pem)).toEqual([first, second, second]);
    expect(fromPem(pem, 'X509 CRL')).toEqual([second]);
  });

  it('accepts DER or PEM wherever a certificate is configured', () => {
    expect(derFrom(toPem(first))).toEqual(first);
    expect(derFrom(new TextEncoder().encode(toPem(first)))).toEqual(first);
    expect(derFrom(second)).toBe(second);
    expect(() => derFrom('no certificate here')).toThrow(TypeError);
  });
});
