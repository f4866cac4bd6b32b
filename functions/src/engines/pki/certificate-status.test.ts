import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { certificateStatusAt, type CertificateStatusAt } from './certificate-status';
import { createCrl } from './crl';
import { readSealCertificate } from './read-seal-certificate';
import type { Revocation } from './revocation';

const issued = new Date('2026-01-10T00:00:00Z'); // createTestPki starts validity one day before `now`
let pki: TestPki;
let serial: string;
beforeAll(async () => {
  pki = await createTestPki({ now: new Date('2026-01-11T00:00:00Z') });
  serial = readSealCertificate(pki.seal).serialNumber;
});

const revokedAt = new Date('2026-07-01T12:00:00Z');
const day = 24 * 3600 * 1000;

describe('certificate status at a moment', () => {
  const table: Array<[string, Date, CertificateStatusAt]> = [
    ['before the certificate starts', new Date(issued.getTime() - day), { status: 'not_yet_valid' }],
    ['on its first second', issued, { status: 'valid' }],
    ['before the revocation (signed earlier: still valid)', new Date(revokedAt.getTime() - 1000), { status: 'valid' }],
    ['at the revocation instant', revokedAt, { status: 'revoked', revokedAt, reason: 'cessationOfOperation' }],
    ['after the revocation', new Date(revokedAt.getTime() + day), { status: 'revoked', revokedAt, reason: 'cessationOfOperation' }],
    [
      'after expiry, even though revoked',
      new Date('2027-06-01T00:00:00Z'),
      { status: 'revoked', revokedAt, reason: 'cessationOfOperation' },
    ],
  ];

  it.each(table)('with revocation records: %s', (_label, at, expected) => {
    const revocations: Revocation[] = [{ serialNumber: serial.toUpperCase(), revokedAt, reason: 'cessationOfOperation' }];
    expect(certificateStatusAt({ certificate: pki.seal, at, revocations })).toEqual(expected);
  });

  it.each(table)('with the CRL: %s', async (_label, at, expected) => {
    const crl = await createCrl({
      signer: pki.rootSigner,
      issuerCertificate: pki.root,
      entries: [{ serialNumber: serial, revokedAt, reason: 'cessationOfOperation' }],
      thisUpdate: new Date('2026-07-02T00:00:00Z'),
      nextUpdate: new Date('2026-07-03T00:00:00Z'),
      crlNumber: 2,
    });
    expect(certificateStatusAt({ certificate: pki.seal, at, crl })).toEqual(expected);
  });

  it('is expired after its end when never revoked, and valid when other serials are revoked', () => {
    const others: Revocation[] = [{ serialNumber: '01', revokedAt: issued, reason: 'keyCompromise' }];
    expect(certificateStatusAt({ certificate: pki.seal, at: new Date('2027-01-10T00:00:01Z'), revocations: others })).toEqual({
      status: 'expired',
    });
    expect(certificateStatusAt({ certificate: pki.seal, at: new Date('2026-03-01T00:00:00Z'), revocations: others })).toEqual({
      status: 'valid',
    });
  });

  it('refuses a CRL from another issuer', async () => {
    const otherPki = await createTestPki();
    const crl = await createCrl({
      signer: otherPki.tsaSigner,
      issuerCertificate: otherPki.tsa,
      entries: [],
      thisUpdate: issued,
      nextUpdate: revokedAt,
      crlNumber: 1,
    });
    expect(() => certificateStatusAt({ certificate: pki.seal, at: issued, crl })).toThrow(
      expect.objectContaining({ code: 'PKI_BAD_INPUT' }),
    );
  });
});
