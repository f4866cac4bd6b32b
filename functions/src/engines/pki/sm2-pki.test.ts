import { GmOpenssl } from '../../../test-support/gm/openssl';
import { asn1Tree, at, bits, element, opensslVerifiesWithCertificate } from '../../../test-support/gm/asn1parse';
import { independentTimestamp } from '../../../test-support/gm/timestamp-independent';
import { InMemorySm2Signer } from '../gm';
import { createRootCertificate } from './root-ca';
import { issueSealCertificate } from './seal-certificate';
import { issueSealMakerCertificate } from './seal-maker-certificate';
import { issueTsaCertificate } from './tsa-certificate';
import { createCrl } from './crl';
import { parseCrl } from './parse-crl';
import { createTimestampToken } from './timestamp-token';
import { verifyTimestampToken } from './verify-timestamp-token';
import { verifyChain } from './verify-chain';
import { readSealCertificate } from './read-seal-certificate';
import { sha256 } from './bytes';
import { toPem } from './pem';

/**
 * The PKI engine with SM2 keys (decisions 0075, 0076): root, TSA, seal-maker and seal certificates,
 * a CRL and a timestamp token, checked by OpenSSL 3 with the GM/T 0009 distinguishing ID.
 *
 * What OpenSSL 3.0 can and cannot check with a distinguishing ID other than its own default (the
 * empty ID), found while writing this: `openssl verify -vfyopt distid:` checks every certificate
 * signature below the root; `-check_ss_sig` (the root's own signature), `verify -crl_check` on a v2
 * CRL, `crl -verify`, `ts -verify` and `cms -verify` do not pass the ID on (and `cms -sign` cannot
 * sign with SM2 at all). Those signatures are cut out with `openssl asn1parse` and checked with
 * `openssl pkeyutl -verify -pkeyopt distid:`, still without project code.
 */
const ID = '1234567812345678';
const notBefore = new Date(Date.now() - 3600_000);
let openssl: GmOpenssl;
const keys = { root: InMemorySm2Signer.generate(), tsa: InMemorySm2Signer.generate(), maker: InMemorySm2Signer.generate(), holder: InMemorySm2Signer.generate() };
let root: Uint8Array;
let tsa: Uint8Array;
let maker: Uint8Array;
let seal: Uint8Array;

beforeAll(async () => {
  openssl = new GmOpenssl();
  root = await createRootCertificate({ signer: keys.root, notBefore, commonName: '深圳市统一电子印章平台 SM2根CA' });
  const crlUrl = 'https://seal.example.cn/v1/pki/crl?ca=sm2';
  tsa = await issueTsaCertificate({ signer: keys.root, caCertificate: root, tsaPublicKey: await keys.tsa.publicKeySpki(), notBefore, publicBaseUrl: 'https://seal.example.cn', crlUrl });
  maker = await issueSealMakerCertificate({ signer: keys.root, caCertificate: root, makerPublicKey: await keys.maker.publicKeySpki(), notBefore, crlUrl });
  seal = await issueSealCertificate({
    signer: keys.root,
    caCertificate: root,
    subjectPublicKey: await keys.holder.publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5G00001X' },
    seal: { name: '合同专用章', kindLabel: '合同专用章', id: 'seal-contract-1' },
    holder: { name: '张三' },
    notBefore,
    publicBaseUrl: 'https://seal.example.cn',
    crlUrl,
  });
  for (const [name, der] of Object.entries({ root, tsa, maker, seal })) openssl.file(`${name}.pem`, toPem(der));
});
afterAll(() => openssl.dispose());

/** The three parts of a signed X.509 structure (certificate, CRL) as OpenSSL's asn1parse cuts them. */
function signedParts(name: string, der: Uint8Array) {
  const tree = asn1Tree(openssl, openssl.file(`${name}.der`, der));
  return { tbs: element(der, at(tree, [0])), signature: bits(der, at(tree, [2])) };
}

describe('SM2 certificates', () => {
  it('chain to the SM2 root for openssl verify with the distinguishing ID, and only with it', () => {
    const ok = openssl.run(['verify', '-CAfile', 'root.pem', '-vfyopt', `distid:${ID}`, 'seal.pem', 'tsa.pem', 'maker.pem']);
    expect(ok.output).toMatch(/seal\.pem: OK[\s\S]*tsa\.pem: OK[\s\S]*maker\.pem: OK/);
    expect(openssl.run(['verify', '-CAfile', 'root.pem', 'seal.pem']).status).not.toBe(0);
    expect(openssl.run(['verify', '-purpose', 'timestampsign', '-CAfile', 'root.pem', '-vfyopt', `distid:${ID}`, 'tsa.pem']).output).toContain('tsa.pem: OK');
  });

  it('carry the GB/T 20518 fields OpenSSL names: SM2-with-SM3, an SM2 key, key usage, key identifiers, the SM2 CRL', () => {
    const text = openssl.run(['x509', '-in', 'seal.pem', '-noout', '-text']).output;
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text).toMatch(/ASN1 OID: SM2/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Non Repudiation/);
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('URI:https://seal.example.cn/v1/pki/crl?ca=sm2');
    expect(openssl.run(['x509', '-in', 'maker.pem', '-noout', '-subject', '-nameopt', 'utf8']).output).toContain('电子印章制章');
  });

  it('the root signs itself under the distinguishing ID (checked with pkeyutl: -check_ss_sig ignores -vfyopt)', () => {
    const { tbs, signature } = signedParts('root', root);
    expect(opensslVerifiesWithCertificate(openssl, 'root-self', root, tbs, signature, ID)).toBe(true);
    expect(opensslVerifiesWithCertificate(openssl, 'root-self-empty', root, tbs, signature, '')).toBe(false);
  });

  it('verify in the platform verifier as well', async () => {
    expect(await verifyChain({ certificate: seal, trustedRoots: [root], at: new Date() })).toMatchObject({ trusted: true });
    expect(await verifyChain({ certificate: maker, trustedRoots: [root], at: new Date() })).toMatchObject({ trusted: true });
  });
});

describe('an SM2 CRL', () => {
  it('lists the revoked certificate for openssl crl, and its signature is the root key’s under the ID', async () => {
    const serial = readSealCertificate(seal).serialNumber;
    const crl = await createCrl({
      signer: keys.root,
      issuerCertificate: root,
      entries: [{ serialNumber: serial, revokedAt: new Date(Date.now() - 60_000), reason: 'keyCompromise' }],
      thisUpdate: new Date(Date.now() - 120_000),
      nextUpdate: new Date(Date.now() + 86_400_000),
      crlNumber: 7,
    });
    openssl.file('sm2.crl', crl);
    const text = openssl.run(['crl', '-inform', 'DER', '-in', 'sm2.crl', '-noout', '-text']).output;
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text.replace(/:/g, '').toLowerCase()).toContain(serial.toLowerCase());
    expect(text).toContain('Key Compromise');
    expect(text).toMatch(/X509v3 CRL Number:\s+7/);
    const { tbs, signature } = signedParts('crl', crl);
    expect(opensslVerifiesWithCertificate(openssl, 'crl-sig', root, tbs, signature, ID)).toBe(true);
    const parsed = parseCrl(crl, { issuerCertificate: root });
    expect(parsed.signatureValid).toBe(true);
    expect(parsed.entries.map((e) => e.serialNumber)).toEqual([serial]);
  });
});

describe('an SM2 timestamp token', () => {
  it('covers the imprint, and OpenSSL checks its message digest and its SM2 signature over the signed attributes', async () => {
    const signatureValue = new TextEncoder().encode('the SM2 signature value of 合同.ofd');
    const genTime = new Date();
    const token = await createTimestampToken({ signer: keys.tsa, tsaCertificate: tsa, chain: [root], messageImprint: sha256(signatureValue), genTime });
    // OpenSSL alone: the imprint is SHA-256 of the stamped bytes, message-digest = SM3(TSTInfo), the SM2 signature over the attributes, the TSA's chain.
    expect(independentTimestamp(openssl, 'token', token, signatureValue, 'sha256', root)).toEqual({ imprint: true, messageDigest: true, signature: true, chain: true });

    const verdict = await verifyTimestampToken({ token, signatureValue, trustedRoots: [root] });
    expect(verdict).toMatchObject({ valid: true, failures: [] });
    expect(verdict.info?.genTime.getTime()).toBe(genTime.getTime());
  });
});
