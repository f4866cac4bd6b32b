import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { createCrl } from './crl';
import { parseCrl } from './parse-crl';
import { readSealCertificate } from './read-seal-certificate';
import { viewCertificate } from './certificate-view';
import { subjectKeyIdIn } from './read-extensions';
import type { Revocation } from './revocation';
import { toPem } from './pem';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';

const thisUpdate = new Date('2026-06-01T00:00:00Z');
const nextUpdate = new Date('2026-06-02T00:00:00Z');
let pki: TestPki;
let openssl: OpensslWorkspace;
let entries: Revocation[];
let crl: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki();
  openssl = new OpensslWorkspace();
  openssl.file('root.pem', toPem(pki.root));
  entries = [
    {
      serialNumber: readSealCertificate(pki.seal).serialNumber,
      revokedAt: new Date('2026-05-10T09:00:00Z'),
      reason: 'cessationOfOperation',
    },
    { serialNumber: '0a1b2c', revokedAt: new Date('2026-05-11T10:00:00Z'), reason: 'keyCompromise' },
    { serialNumber: '7f00', revokedAt: new Date('2026-05-12T11:00:00Z'), reason: 'superseded' },
    { serialNumber: '0100', revokedAt: new Date('2026-05-13T12:00:00Z') },
  ];
  crl = await createCrl({ signer: pki.rootSigner, issuerCertificate: pki.root, entries, thisUpdate, nextUpdate, crlNumber: 17 });
});
afterAll(() => openssl.dispose());

describe('certificate revocation list', () => {
  it('lists the revoked serials with their reasons in openssl crl -text', () => {
    const text = openssl.run(['crl', '-inform', 'DER', '-in', openssl.file('platform.crl', crl), '-noout', '-text']).output;
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toMatch(/X509v3 CRL Number:\s+17/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain(`Serial Number: ${readSealCertificate(pki.seal).serialNumber.toUpperCase()}`);
    expect(text).toMatch(
      /Serial Number: 0A1B2C\s+Revocation Date: May 11 10:00:00 2026 GMT\s+CRL entry extensions:\s+X509v3 CRL Reason Code:\s+Key Compromise/,
    );
    expect(text).toMatch(
      /Serial Number: 7F00\s+Revocation Date: May 12 11:00:00 2026 GMT\s+CRL entry extensions:\s+X509v3 CRL Reason Code:\s+Superseded/,
    );
    expect(text).toContain('Cessation Of Operation');
    expect(text).toContain('Next Update: Jun  2 00:00:00 2026 GMT');
  });

  it('is signed by the root, as openssl crl -verify confirms', () => {
    const result = openssl.run([
      'crl',
      '-inform',
      'DER',
      '-in',
      openssl.file('platform.crl', crl),
      '-noout',
      '-CAfile',
      'root.pem',
      '-verify',
    ]);
    expect(result.output).toContain('verify OK');
  });

  it('parses back to the same entries, number, dates and authority key', () => {
    const parsed = parseCrl(crl, { issuerCertificate: pki.root });
    expect(parsed).toMatchObject({
      thisUpdate,
      nextUpdate,
      crlNumber: 17n,
      signatureValid: true,
      issuer: 'C=CN, O=深圳市统一电子印章平台, CN=深圳市统一电子印章平台 根CA',
    });
    expect(parsed.authorityKeyIdentifier).toBe(subjectKeyIdIn(viewCertificate(pki.root)));
    expect(parsed.entries).toEqual([
      entries[0],
      entries[1],
      entries[2],
      { serialNumber: '0100', revokedAt: new Date('2026-05-13T12:00:00Z'), reason: 'unspecified' },
    ]);
  });

  it('fails its signature check against another issuer or when an entry is altered', () => {
    expect(parseCrl(crl, { issuerCertificate: pki.tsa }).signatureValid).toBe(false);
    const tampered = crl.slice();
    const at = Buffer.from(tampered).indexOf(Buffer.from([0x0a, 0x1b, 0x2c]));
    tampered[at + 2] = 0x2d;
    const parsed = parseCrl(tampered, { issuerCertificate: pki.root });
    expect(parsed.entries[1]?.serialNumber).toBe('0a1b2d');
    expect(parsed.signatureValid).toBe(false);
  });

  it('can be empty (nothing revoked yet), and openssl still reads it', async () => {
    const empty = await createCrl({
      signer: pki.rootSigner,
      issuerCertificate: pki.root,
      entries: [],
      thisUpdate,
      nextUpdate,
      crlNumber: 1,
    });
    expect(parseCrl(empty, { issuerCertificate: pki.root })).toMatchObject({ entries: [], signatureValid: true });
    expect(openssl.run(['crl', '-inform', 'DER', '-in', openssl.file('empty.crl', empty), '-noout', '-text']).output).toContain(
      'No Revoked Certificates.',
    );
  });

  it('handles a city-sized list: 5 000 entries, read back by us and by openssl', async () => {
    const many: Revocation[] = Array.from({ length: 5000 }, (_, i) => ({
      serialNumber: (0x4000n * 0x10000n + BigInt(i)).toString(16),
      revokedAt: thisUpdate,
      reason: 'superseded',
    }));
    const big = await createCrl({
      signer: pki.rootSigner,
      issuerCertificate: pki.root,
      entries: many,
      thisUpdate,
      nextUpdate: new Date('2051-01-01T00:00:00Z'),
      crlNumber: 99,
    });
    const parsed = parseCrl(big, { issuerCertificate: pki.root });
    expect(parsed).toMatchObject({ signatureValid: true, nextUpdate: new Date('2051-01-01T00:00:00Z') });
    expect(parsed.entries).toHaveLength(5000);
    expect(parsed.entries[4999]).toEqual({ serialNumber: '40001387', revokedAt: thisUpdate, reason: 'superseded' });
    const text = openssl.run(['crl', '-inform', 'DER', '-in', openssl.file('big.crl', big), '-noout', '-text']).output;
    expect(text.match(/Serial Number:/g)).toHaveLength(5000);
    expect(text).toContain('Next Update: Jan  1 00:00:00 2051 GMT');
  });

  it('refuses bytes that are not a CRL', () => {
    expect(() => parseCrl(pki.root)).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED' }));
    expect(() => parseCrl(crl.subarray(0, crl.length - 10))).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED' }));
  });
});
