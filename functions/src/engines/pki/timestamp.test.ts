import { readFileSync } from 'node:fs';
import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { createTimestampToken, DEFAULT_TSA_POLICY_OID } from './timestamp-token';
import { readTimestampToken } from './read-timestamp-token';
import { verifyTimestampToken } from './verify-timestamp-token';
import { timestampResponse, type TimestampAuthority } from './timestamp-response';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { createRootCertificate } from './root-ca';
import { issueTsaCertificate } from './tsa-certificate';
import { bytesEqual, sha256, toHex } from './bytes';
import { toPem } from './pem';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';

const signatureValue = new TextEncoder().encode('the CMS signature value of 合同.pdf');
const genTime = new Date('2026-05-20T08:30:15.250Z');
let pki: TestPki;
let openssl: OpensslWorkspace;
let token: Uint8Array;

beforeAll(async () => {
  pki = await createTestPki({ now: genTime });
  openssl = new OpensslWorkspace();
  openssl.file('root.pem', toPem(pki.root));
  openssl.file('tsa.pem', toPem(pki.tsa));
  openssl.file('signature.bin', signatureValue);
  token = await createTimestampToken({
    signer: pki.tsaSigner,
    tsaCertificate: pki.tsa,
    chain: [pki.root],
    messageImprint: sha256(signatureValue),
    genTime,
    serialNumber: 0x2026n,
    nonce: 12345n,
  });
});
afterAll(() => openssl.dispose());

/** openssl ts -verify checks certificates at the current time; -attime pins it to the token's time. */
function opensslVerifiesToken(tokenPath: string, dataPath = 'signature.bin'): { status: number; output: string } {
  const attime = String(Math.floor(genTime.getTime() / 1000));
  return openssl.run([
    'ts',
    '-verify',
    '-token_in',
    '-in',
    tokenPath,
    '-data',
    dataPath,
    '-CAfile',
    'root.pem',
    '-untrusted',
    'tsa.pem',
    '-attime',
    attime,
  ]);
}

describe('RFC 3161 timestamp token', () => {
  it('is accepted by openssl ts -verify for the signature value it covers', () => {
    const result = opensslVerifiesToken(openssl.file('token.der', token));
    expect(result.status).toBe(0);
    expect(result.output).toContain('Verification: OK');
  });

  it('shows its time, serial, nonce and policy in openssl ts -reply -text', () => {
    const text = openssl.run(['ts', '-reply', '-token_in', '-in', openssl.file('token.der', token), '-token_out', '-text']).output;
    expect(text).toContain('Time stamp: May 20 08:30:15.25 2026 GMT');
    expect(text).toContain('Serial number: 0x2026');
    expect(text).toContain('Nonce: 0x3039');
    expect(text).toContain(`Policy OID: ${DEFAULT_TSA_POLICY_OID}`);
    expect(text).toContain('Hash Algorithm: sha256');
  });

  it('reads back with its fields, the TSA certificate and a valid signature', () => {
    const info = readTimestampToken(token);
    expect(info).toMatchObject({
      genTime,
      serial: '2026',
      nonce: '3039',
      policyOid: DEFAULT_TSA_POLICY_OID,
      signatureValid: true,
      certificateValid: true,
      problems: [],
    });
    expect(toHex(info.messageImprint)).toBe(toHex(sha256(signatureValue)));
    expect(info.tsaCertificate && bytesEqual(info.tsaCertificate, pki.tsa)).toBe(true);
  });

  it('is valid for the signature it covers, from a TSA chained to the trusted root', async () => {
    const verdict = await verifyTimestampToken({ token, signatureValue, trustedRoots: [pki.root] });
    expect(verdict).toMatchObject({ valid: true, failures: [] });
  });

  it('is refused for another signature (another imprint), by us and by openssl', async () => {
    const other = new TextEncoder().encode('another signature');
    const verdict = await verifyTimestampToken({ token, signatureValue: other, trustedRoots: [pki.root] });
    expect(verdict).toMatchObject({ valid: false, failures: ['IMPRINT_MISMATCH'] });
    expect(opensslVerifiesToken('token.der', openssl.file('other.bin', other)).status).not.toBe(0);
  });

  it('fails its signature when its time is altered', async () => {
    const tampered = token.slice();
    const time = Buffer.from(tampered).indexOf(Buffer.from('20260520083015'));
    tampered[time + 3] = '7'.charCodeAt(0); // 2026 → 2027
    expect(readTimestampToken(tampered)).toMatchObject({ signatureValid: false, problems: ['CONTENT_DIGEST_MISMATCH'] });
    expect(opensslVerifiesToken(openssl.file('tampered.der', tampered)).status).not.toBe(0);
    expect((await verifyTimestampToken({ token: tampered, signatureValue, trustedRoots: [pki.root] })).valid).toBe(false);
  });

  it('is refused when signed by a key other than the certified TSA key', async () => {
    const impostor = await InMemoryDigestSigner.generate();
    const forged = await createTimestampToken({
      signer: impostor,
      tsaCertificate: pki.tsa,
      messageImprint: sha256(signatureValue),
      genTime,
    });
    expect(readTimestampToken(forged)).toMatchObject({ signatureValid: false, problems: ['SIGNATURE_INVALID'] });
  });

  it('is refused when its TSA does not chain to a trusted root', async () => {
    const strangerKey = await InMemoryDigestSigner.generate();
    const strangerRoot = await createRootCertificate({
      signer: strangerKey,
      organization: '某不明机构',
      notBefore: new Date('2026-01-01T00:00:00Z'),
    });
    const strangerTsa = await issueTsaCertificate({
      signer: strangerKey,
      caCertificate: strangerRoot,
      tsaPublicKey: await strangerKey.publicKeySpki(),
      notBefore: new Date('2026-01-01T00:00:00Z'),
    });
    const foreign = await createTimestampToken({
      signer: strangerKey,
      tsaCertificate: strangerTsa,
      messageImprint: sha256(signatureValue),
      genTime,
    });
    const verdict = await verifyTimestampToken({ token: foreign, signatureValue, trustedRoots: [pki.root] });
    expect(verdict.valid).toBe(false);
    expect(verdict).toMatchObject({ failures: ['CHAIN_UNTRUSTED'], chain: 'UNKNOWN_ISSUER' });
  });

  it('is refused when made with a seal certificate instead of a TSA certificate', () => {
    return createTimestampToken({ signer: pki.sealSigner, tsaCertificate: pki.seal, messageImprint: sha256(signatureValue), genTime }).then(
      (made) => {
        expect(readTimestampToken(made)).toMatchObject({
          signatureValid: true,
          certificateValid: false,
          problems: ['NOT_A_TSA_CERTIFICATE'],
        });
      },
    );
  });

  it('refuses bytes that are not a token', () => {
    expect(() => readTimestampToken(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ code: 'PKI_MALFORMED' }));
  });
});

describe('HTTP timestamp authority (timestampResponse)', () => {
  let tsa: TimestampAuthority;
  beforeAll(() => {
    tsa = { signer: pki.tsaSigner, tsaCertificate: pki.tsa, chain: [pki.root], now: () => genTime };
  });

  function query(name: string, args: string[]): Uint8Array {
    const path = `${openssl.dir}/${name}`;
    const result = openssl.run(['ts', '-query', '-data', 'signature.bin', ...args, '-out', path]);
    expect(result.status).toBe(0);
    return new Uint8Array(readFileSync(path));
  }

  it('answers an openssl query (nonce, certReq) with a reply openssl verifies against the query', async () => {
    const request = query('req.tsq', ['-sha256', '-cert']);
    const reply = await timestampResponse(request, tsa);
    openssl.file('reply.tsr', reply);
    const attime = String(Math.floor(genTime.getTime() / 1000));
    const result = openssl.run(['ts', '-verify', '-queryfile', 'req.tsq', '-in', 'reply.tsr', '-CAfile', 'root.pem', '-attime', attime]);
    expect(result.output).toContain('Verification: OK');
    expect(openssl.run(['ts', '-reply', '-in', 'reply.tsr', '-text']).output).toContain('Status: Granted.');
  });

  it('leaves the certificates out when the query did not ask for them', async () => {
    const reply = await timestampResponse(query('nocert.tsq', ['-sha256']), tsa);
    openssl.file('nocert.tsr', reply);
    const tokenPath = `${openssl.dir}/nocert-token.der`;
    openssl.run(['ts', '-reply', '-in', 'nocert.tsr', '-token_out', '-out', tokenPath]);
    const withoutCerts = new Uint8Array(readFileSync(tokenPath));
    expect(readTimestampToken(withoutCerts)).toMatchObject({ certificates: [], signatureValid: false });
    expect(readTimestampToken(withoutCerts, { tsaCertificate: pki.tsa })).toMatchObject({ signatureValid: true, certificateValid: true });
  });

  it('rejects a query with a digest it does not support', async () => {
    const reply = await timestampResponse(query('sha1.tsq', ['-sha1']), tsa);
    const text = openssl.run(['ts', '-reply', '-in', openssl.file('sha1.tsr', reply), '-text']).output;
    expect(text).toContain('Status: Rejected.');
    expect(text).toContain('unrecognized or unsupported algorithm');
  });

  it('rejects a query for another policy and bytes that are not a query', async () => {
    const otherPolicy = await timestampResponse(query('policy.tsq', ['-sha256', '-tspolicy', '1.2.3.4']), tsa);
    expect(openssl.run(['ts', '-reply', '-in', openssl.file('policy.tsr', otherPolicy), '-text']).output).toContain('Status: Rejected.');
    const garbage = await timestampResponse(new TextEncoder().encode('GET / HTTP/1.1'), tsa);
    expect(openssl.run(['ts', '-reply', '-in', openssl.file('garbage.tsr', garbage), '-text']).output).toContain(
      'the data submitted has the wrong format',
    );
  });
});
