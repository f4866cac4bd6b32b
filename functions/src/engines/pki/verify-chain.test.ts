import { createTestPki, type TestPki } from '../../../test-support/pki/test-pki';
import { verifyChain } from './verify-chain';
import { InMemoryDigestSigner } from './in-memory-digest-signer';
import { issueCertificate } from './issue-certificate';
import { issueSealCertificate } from './seal-certificate';
import { basicConstraintsExtension, keyUsageExtension } from './certificate-extensions';
import { createRootCertificate } from './root-ca';
import { OID } from './oids';

const now = new Date('2026-04-01T00:00:00Z');
let pki: TestPki;
beforeAll(async () => {
  pki = await createTestPki({ now });
});

async function sealIssuedBy(signer: InMemoryDigestSigner, caCertificate: Uint8Array): Promise<Uint8Array> {
  const holder = await InMemoryDigestSigner.generate();
  return issueSealCertificate({
    signer,
    caCertificate,
    subjectPublicKey: await holder.publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' },
    seal: { name: '法定名称章', kindLabel: '法定名称章' },
    holder: { name: '王五' },
    notBefore: now,
    publicBaseUrl: 'http://localhost:3000',
  });
}

describe('verifyChain', () => {
  it('trusts a seal certificate issued by the platform root', async () => {
    expect(await verifyChain({ certificate: pki.seal, trustedRoots: [pki.root], at: now })).toEqual({
      trusted: true,
      chain: [pki.seal, pki.root],
    });
  });

  it('follows an issuing CA given among the intermediates', async () => {
    const caKey = await InMemoryDigestSigner.generate();
    const issuingCa = await issueCertificate({
      signer: pki.rootSigner,
      issuerCertificate: pki.root,
      subject: [
        { type: OID.country, value: 'CN' },
        { type: OID.commonName, value: '电子印章 签发CA' },
      ],
      subjectPublicKey: await caKey.publicKeySpki(),
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
      extensions: [basicConstraintsExtension(true, 0), keyUsageExtension(['keyCertSign', 'cRLSign'])],
    });
    const seal = await sealIssuedBy(caKey, issuingCa);
    expect(await verifyChain({ certificate: seal, trustedRoots: [pki.root], at: now })).toMatchObject({
      trusted: false,
      code: 'UNKNOWN_ISSUER',
    });
    expect(await verifyChain({ certificate: seal, intermediates: [issuingCa], trustedRoots: [pki.root], at: now })).toEqual({
      trusted: true,
      chain: [seal, issuingCa, pki.root],
    });
  });

  it('refuses a tampered certificate', async () => {
    const tampered = pki.seal.slice();
    const at = Buffer.from(tampered).indexOf(Buffer.from('张三'));
    tampered.set(Buffer.from('李四'), at);
    expect(await verifyChain({ certificate: tampered, trustedRoots: [pki.root], at: now })).toMatchObject({
      trusted: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('refuses a certificate from a look-alike root with the same name', async () => {
    const impostorKey = await InMemoryDigestSigner.generate();
    const impostorRoot = await createRootCertificate({ signer: impostorKey, notBefore: new Date('2026-01-01T00:00:00Z') });
    const seal = await sealIssuedBy(impostorKey, impostorRoot);
    const verdict = await verifyChain({ certificate: seal, trustedRoots: [pki.root], at: now });
    expect(verdict).toMatchObject({ trusted: false, code: 'UNKNOWN_ISSUER' });
    expect(verdict.detail).toContain('深圳市统一电子印章平台 根CA');
  });

  it('ends at an untrusted self-signed root carried among the intermediates instead of looping', async () => {
    const impostorKey = await InMemoryDigestSigner.generate();
    const impostorRoot = await createRootCertificate({ signer: impostorKey, notBefore: new Date('2026-01-01T00:00:00Z') });
    const seal = await sealIssuedBy(impostorKey, impostorRoot);
    const verdict = await verifyChain({ certificate: seal, intermediates: [impostorRoot, pki.root], trustedRoots: [pki.root], at: now });
    expect(verdict).toMatchObject({ trusted: false, code: 'UNKNOWN_ISSUER', chain: [seal, impostorRoot] });
    expect(verdict.detail).toContain('深圳市统一电子印章平台 根CA');
  });

  it('trusts a chain whose root is also carried among the intermediates', async () => {
    expect(
      await verifyChain({ certificate: pki.seal, intermediates: [pki.seal, pki.root, pki.root], trustedRoots: [pki.root], at: now }),
    ).toEqual({
      trusted: true,
      chain: [pki.seal, pki.root],
    });
  });

  it('judges validity at the signing time, not now', async () => {
    expect(await verifyChain({ certificate: pki.seal, trustedRoots: [pki.root], at: new Date('2028-01-01T00:00:00Z') })).toMatchObject({
      trusted: false,
      code: 'EXPIRED',
    });
    expect(await verifyChain({ certificate: pki.seal, trustedRoots: [pki.root], at: new Date('2026-01-01T00:00:00Z') })).toMatchObject({
      trusted: false,
      code: 'NOT_YET_VALID',
    });
  });

  it('refuses a certificate whose issuer is not a CA (a seal certificate cannot issue)', async () => {
    const forged = await sealIssuedBy(pki.sealSigner, pki.seal);
    expect(await verifyChain({ certificate: forged, intermediates: [pki.seal], trustedRoots: [pki.root], at: now })).toMatchObject({
      trusted: false,
      code: 'NOT_A_CA',
    });
  });

  it('refuses an end certificate that may not sign (a CA used as a signer)', async () => {
    const caKey = await InMemoryDigestSigner.generate();
    const caOnly = await issueCertificate({
      signer: pki.rootSigner,
      issuerCertificate: pki.root,
      subject: [{ type: OID.commonName, value: '只签证书' }],
      subjectPublicKey: await caKey.publicKeySpki(),
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2030-01-01T00:00:00Z'),
      extensions: [basicConstraintsExtension(true), keyUsageExtension(['keyCertSign'])],
    });
    expect(await verifyChain({ certificate: caOnly, trustedRoots: [pki.root], at: now })).toMatchObject({
      trusted: false,
      code: 'KEY_USAGE',
    });
  });

  it('reports bytes that are not a certificate as malformed', async () => {
    expect(await verifyChain({ certificate: new Uint8Array([0x30, 0x00]), trustedRoots: [pki.root], at: now })).toMatchObject({
      trusted: false,
      code: 'MALFORMED',
    });
  });
});
