import { execFileSync } from 'node:child_process';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { issueSealCertificate, SEAL_SIGNING_EKU, type SealCertificateRequest } from './seal-certificate';
import { readSealCertificate } from './read-seal-certificate';
import { viewCertificate } from './certificate-view';
import { extensionOf, isCertificateAuthorityView, keyUsagesIn } from './read-extensions';
import { verifyChain } from './verify-chain';
import { OID } from './oids';
import { toPem } from './pem';
import { OpensslWorkspace } from '../../../test-support/pki/openssl';

let pki: TestPki;
let openssl: OpensslWorkspace;
beforeAll(async () => {
  pki = await createTestPki();
  openssl = new OpensslWorkspace();
});
afterAll(() => openssl.dispose());

async function sealRequest(overrides: Partial<SealCertificateRequest> = {}): Promise<SealCertificateRequest> {
  const holderKey = await InMemoryDigestSigner.generate();
  return {
    signer: pki.rootSigner,
    caCertificate: pki.root,
    subjectPublicKey: await holderKey.publicKeySpki(),
    company: { name: '深圳市前海示例贸易有限公司', creditCode: '91440300MA5G7XQ12K' },
    seal: { name: '财务专用章', kindLabel: '财务专用章', id: 'seal-42' },
    holder: { name: '李四' },
    notBefore: new Date(),
    publicBaseUrl: 'https://seal.example.cn/',
    ...overrides,
  };
}

describe('root CA certificate', () => {
  it('is a self-signed CA allowed to sign certificates and CRLs, named after the platform', () => {
    const root = viewCertificate(pki.root);
    expect(isCertificateAuthorityView(root)).toBe(true);
    expect([...(keyUsagesIn(root) ?? [])].sort()).toEqual(['cRLSign', 'keyCertSign']);
    expect(readSealCertificate(pki.root).subject).toBe('C=CN, O=深圳市统一电子印章平台, CN=深圳市统一电子印章平台 根CA');
    const text = openssl.run(['x509', '-in', openssl.file('root.pem', toPem(pki.root)), '-noout', '-text']).output;
    expect(text).toContain('CA:TRUE');
    expect(text).toMatch(/X509v3 Subject Key Identifier/);
  });
});

describe('seal certificate', () => {
  it('carries the company, credit code, seal and holder, and says "<company> <seal>" as its CN', () => {
    const info = readSealCertificate(pki.seal);
    expect(info).toMatchObject({
      commonName: '深圳市示例科技有限公司 合同专用章',
      companyName: '深圳市示例科技有限公司',
      creditCode: '91440300MA5F000001',
      sealName: '合同专用章',
      sealKindLabel: '合同专用章',
      sealId: 'seal-0001',
      holderName: '张三',
      crlUrls: ['http://localhost:3000/v1/pki/crl'],
    });
    expect(info.keyUsages.sort()).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(extensionOf(viewCertificate(pki.seal), OID.keyUsage)?.critical).toBe(true);
  });

  it('writes Chinese names as UTF8String, readable in openssl', () => {
    const path = openssl.file('seal.pem', toPem(pki.seal));
    const subject = openssl.run(['x509', '-in', path, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus_space']).output;
    expect(subject).toContain('O=深圳市示例科技有限公司, organizationIdentifier=91440300MA5F000001, OU=合同专用章');
    expect(subject).toContain('name=张三, CN=深圳市示例科技有限公司 合同专用章');
    expect(openssl.run(['asn1parse', '-in', path]).output).toMatch(/UTF8STRING\s+:张三/);
  });

  it('is accepted by openssl together with the TSA certificate, chained to the root', () => {
    const root = openssl.file('root.pem', toPem(pki.root));
    const result = openssl.run([
      'verify',
      '-CAfile',
      root,
      openssl.file('seal.pem', toPem(pki.seal)),
      openssl.file('tsa.pem', toPem(pki.tsa)),
    ]);
    expect(result).toEqual({ status: 0, output: expect.stringMatching(/seal\.pem: OK\n.*tsa\.pem: OK/s) });
    expect(openssl.run(['verify', '-purpose', 'timestampsign', '-CAfile', root, openssl.file('tsa.pem', toPem(pki.tsa))]).status).toBe(0);
  });

  it('chains to the root in our own chain check', async () => {
    const verdict = await verifyChain({ certificate: pki.seal, trustedRoots: [pki.root], at: new Date() });
    expect(verdict).toEqual({ trusted: true, chain: [pki.seal, pki.root] });
  });

  it('gets a fresh random 16-byte positive serial number each time', async () => {
    const first = readSealCertificate(await issueSealCertificate(await sealRequest())).serialNumber;
    const second = readSealCertificate(await issueSealCertificate(await sealRequest())).serialNumber;
    expect(first).toMatch(/^[4-7][0-9a-f]{31}$/);
    expect(second).not.toBe(first);
  });

  it('is valid for one year by default and never outlives the root', async () => {
    const notBefore = new Date('2026-03-01T00:00:00Z');
    const oneYear = readSealCertificate(await issueSealCertificate(await sealRequest({ notBefore })));
    expect(oneYear.notAfter).toEqual(new Date('2027-03-01T00:00:00Z'));
    const tooLong = readSealCertificate(await issueSealCertificate(await sealRequest({ validityYears: 50 })));
    expect(tooLong.notAfter).toEqual(viewCertificate(pki.root).notAfter);
  });

  it('is signed only by the key of the CA certificate it names', async () => {
    await expect(issueSealCertificate(await sealRequest({ signer: pki.tsaSigner }))).rejects.toMatchObject({ code: 'PKI_BAD_INPUT' });
  });

  it('refuses a malformed unified social credit code', async () => {
    await expect(issueSealCertificate(await sealRequest({ company: { name: '某公司', creditCode: '123' } }))).rejects.toMatchObject({
      code: 'PKI_BAD_INPUT',
    });
  });
});

/** poppler's pdfsig checks a PDF signer certificate in NSS for the e-mail-signer usage ("S"). */
describe('seal certificate in NSS (what pdfsig relies on)', () => {
  function nssVerifiesAsSigner(seal: Uint8Array, nickname: string): boolean {
    const db = `sql:${openssl.dir}/nss`;
    execFileSync('mkdir', ['-p', `${openssl.dir}/nss`]);
    try {
      execFileSync('certutil', ['-N', '--empty-password', '-d', db], { stdio: 'pipe' });
      execFileSync('certutil', ['-A', '-n', 'root', '-t', 'CT,C,C', '-i', openssl.file('nss-root.pem', toPem(pki.root)), '-d', db], {
        stdio: 'pipe',
      });
    } catch {
      // already initialised by an earlier case
    }
    execFileSync('certutil', ['-A', '-n', nickname, '-t', ',,', '-i', openssl.file(`${nickname}.pem`, toPem(seal)), '-d', db], {
      stdio: 'pipe',
    });
    try {
      execFileSync('certutil', ['-V', '-n', nickname, '-u', 'S', '-d', db], { stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  }

  it('validates without an extended key usage (the default profile)', () => {
    expect(nssVerifiesAsSigner(pki.seal, 'plain')).toBe(true);
  });

  it('validates with the optional EKU set (emailProtection + documentSigning)', async () => {
    const seal = await issueSealCertificate(await sealRequest({ extendedKeyUsage: [...SEAL_SIGNING_EKU] }));
    expect(nssVerifiesAsSigner(seal, 'with-eku')).toBe(true);
  });

  it('fails with an EKU that lacks emailProtection, which is why the default has none', async () => {
    const seal = await issueSealCertificate(await sealRequest({ extendedKeyUsage: [OID.kpDocumentSigning] }));
    expect(nssVerifiesAsSigner(seal, 'doc-only')).toBe(false);
  });
});
