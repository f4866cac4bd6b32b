import { startLocalKms, type LocalKms } from '../../../dev/kms-server';
import { createPorts } from '../../composition';
import { InMemorySm2Signer } from '../../engines/gm';
import { parseCrl } from '../../engines/pki/parse-crl';
import { readSealCertificate } from '../../engines/pki/read-seal-certificate';
import { readTimestampToken } from '../../engines/pki/read-timestamp-token';
import { sha256 } from '../../engines/pki/bytes';
import { toPem } from '../../engines/pki/pem';
import type { Ports } from '../../ports';
import { createTestTable } from '../../../test-support/dynamo';
import { freePort } from '../../../dev/local/wait-for-port';
import { startConditionalS3rver } from '../../../test-support/conditional-s3rver';
import { GmOpenssl } from '../../../test-support/gm/openssl';
import { asn1Tree, at, bits, content, element, opensslVerifiesWithCertificate } from '../../../test-support/gm/asn1parse';
import { bootstrapPlatformPki, gmPlatformPki, platformPki, renewPlatformCertificateIfDue } from './platform-ca';
import { ocspResponder } from './ocsp-responder';
import { issueCredentialCertificate } from './issue-seal-certificate';
import { certificateRecordWrite, certificateRevocationWrites, PLATFORM_CRL } from './revoke-certificates';
import { currentCrl } from './crl';
import { CRL_ISSUERS } from './crl-issuers';
import { timestampImprint } from './timestamp';

/**
 * The SM2 platform PKI as the bootstrap makes it (decision 0076), in both SM2 key modes against the
 * local KMS endpoint, checked by OpenSSL 3 with the GM/T 0009 distinguishing ID: the chain with
 * `openssl verify -vfyopt distid:`, the CRL's and the timestamp's signatures cut out with asn1parse
 * and checked with `openssl pkeyutl -verify` (OpenSSL passes no ID on for those; see sm2-pki.test.ts).
 */
const ID = '1234567812345678';
const stores = { companyId: 'company-sm2', sealId: 'seal-sm2' };
const BUCKET = 'seal-documents';
let kms: LocalKms;
let s3: Awaited<ReturnType<typeof startConditionalS3rver>>;
let openssl: GmOpenssl;

beforeAll(async () => {
  kms = await startLocalKms({ port: 0 });
  s3 = await startConditionalS3rver(await freePort(), [BUCKET]);
  openssl = new GmOpenssl();
});
afterAll(async () => {
  openssl.dispose();
  await Promise.all([kms.stop(), s3.stop()]);
});

async function portsWith(mode: 'kms-asymmetric' | 'kms-hmac-derived'): Promise<Ports> {
  const { tableName, endpoint } = await createTestTable();
  return createPorts({ ...process.env, TABLE_NAME: tableName, DYNAMODB_ENDPOINT: endpoint, KMS_ENDPOINT: kms.endpoint, S3_ENDPOINT: s3.endpoint, DOCUMENTS_BUCKET: BUCKET, AWS_REGION: 'us-east-1', PLATFORM_SM2_KEYS: mode });
}

/** The to-be-signed part and the signature of a certificate or CRL, as asn1parse cuts them. */
function signedParts(name: string, der: Uint8Array) {
  const tree = asn1Tree(openssl, openssl.file(`${name}.der`, der));
  return { tbs: element(der, at(tree, [0])), signature: bits(der, at(tree, [2])) };
}

describe.each(['kms-hmac-derived', 'kms-asymmetric'] as const)('the SM2 platform PKI, keys %s', (mode) => {
  let ports: Ports;
  beforeAll(async () => {
    ports = await portsWith(mode);
  });

  it('does not exist for a request before the bootstrap: PLATFORM_NOT_READY, and nothing made', async () => {
    await expect(gmPlatformPki(ports)).rejects.toMatchObject({ code: 'PLATFORM_NOT_READY' });
    await expect(ports.platformKeys.sm2Signers()).rejects.toMatchObject({ code: 'PLATFORM_NOT_READY' });
  });

  it('is made by the bootstrap, once: root, TSA and seal maker chain to the SM2 root for openssl with the ID, and only with it', async () => {
    const [first, second] = await Promise.all([bootstrapPlatformPki(ports), bootstrapPlatformPki(ports)]);
    expect(Buffer.from(first.sm2.root).equals(Buffer.from(second.sm2.root))).toBe(true);
    expect(Buffer.from(first.sm2.sealMaker).equals(Buffer.from(second.sm2.sealMaker))).toBe(true);
    const read = await gmPlatformPki(ports);
    expect(Buffer.from(read.root).equals(Buffer.from(first.sm2.root))).toBe(true);
    // Two hierarchies: the P-256 root is another certificate.
    expect(Buffer.from((await platformPki(ports)).root).equals(Buffer.from(read.root))).toBe(false);

    openssl.file(`${mode}-root.pem`, toPem(read.root));
    openssl.file(`${mode}-tsa.pem`, toPem(read.tsa));
    openssl.file(`${mode}-maker.pem`, toPem(read.sealMaker));
    const ok = openssl.run(['verify', '-CAfile', `${mode}-root.pem`, '-vfyopt', `distid:${ID}`, `${mode}-tsa.pem`, `${mode}-maker.pem`]);
    expect(ok.output).toMatch(/tsa\.pem: OK[\s\S]*maker\.pem: OK/);
    expect(openssl.run(['verify', '-CAfile', `${mode}-root.pem`, `${mode}-maker.pem`]).status).not.toBe(0);
    const rootText = openssl.run(['x509', '-in', `${mode}-root.pem`, '-noout', '-text', '-nameopt', 'utf8']).output;
    expect(rootText).toContain('Signature Algorithm: SM2-with-SM3');
    expect(rootText).toContain('SM2根CA');
    const { tbs, signature } = signedParts(`${mode}-root-self`, read.root);
    expect(opensslVerifiesWithCertificate(openssl, `${mode}-root-self`, read.root, tbs, signature, ID)).toBe(true);
  });

  it('issues an SM2 seal certificate under the SM2 root; revoking it lists it in the SM2 CRL only', async () => {
    const holder = InMemorySm2Signer.generate();
    const publicKeySpki = await holder.publicKeySpki();
    const now = new Date();
    const issued = await issueCredentialCertificate(ports, {
      publicKeySpki,
      company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5G00001X' },
      seal: { name: '合同专用章', kind: 'contract', sealId: stores.sealId },
      holderName: '张三',
      now,
    });
    expect(issued.issuer).toBe(CRL_ISSUERS['sm2-sm3']);
    openssl.file(`${mode}-seal.pem`, toPem(issued.der));
    expect(openssl.run(['verify', '-CAfile', `${mode}-root.pem`, '-vfyopt', `distid:${ID}`, `${mode}-seal.pem`]).output).toContain('seal.pem: OK');
    expect(openssl.run(['x509', '-in', `${mode}-seal.pem`, '-noout', '-text']).output).toContain('/v1/pki/crl?ca=sm2');

    const serial = issued.info.serialNumber;
    const audit = { companyId: stores.companyId, actorId: 'test', actorRole: 'platform-admin', action: 'test.certificate', subject: serial };
    const record = { serial, ...stores, credentialId: 'credential-sm2', notBefore: issued.info.notBefore, notAfter: issued.info.notAfter, issuer: issued.issuer };
    await ports.store.commitWithAudit(audit, [certificateRecordWrite(ports.store, record)], now);
    const publicKey = Buffer.from(publicKeySpki).toString('base64');
    await ports.store.commitWithAudit(audit, certificateRevocationWrites(ports.store, [{ serial, publicKey }], { reason: 'keyCompromise', at: now }), now);

    const pki = await gmPlatformPki(ports);
    const crl = await currentCrl(ports, CRL_ISSUERS['sm2-sm3']);
    openssl.file(`${mode}.crl`, crl);
    const text = openssl.run(['crl', '-inform', 'DER', '-in', `${mode}.crl`, '-noout', '-text']).output;
    expect(text).toContain('Signature Algorithm: SM2-with-SM3');
    expect(text.replace(/:/g, '').toLowerCase()).toContain(serial.toLowerCase());
    expect(text).toContain('Key Compromise');
    const { tbs, signature } = signedParts(`${mode}-crl`, crl);
    expect(opensslVerifiesWithCertificate(openssl, `${mode}-crl-sig`, pki.root, tbs, signature, ID)).toBe(true);
    expect(opensslVerifiesWithCertificate(openssl, `${mode}-crl-sig-empty`, pki.root, tbs, signature, '')).toBe(false);

    // The P-256 root's CRL does not list a certificate it never issued.
    const p256 = await platformPki(ports);
    const p256Crl = parseCrl(await currentCrl(ports, PLATFORM_CRL), { issuerCertificate: p256.root });
    expect(p256Crl.signatureValid).toBe(true);
    expect(p256Crl.entries.map((e) => e.serialNumber)).not.toContain(serial);
  });

  it('has an OCSP responder certificate from the SM2 root, on a key of its own, renewed (same key) once less than 90 days are left', async () => {
    const record = await ports.store.platformCertificates.get('sm2-ocsp-responder');
    const signer = await ports.platformKeys.ocspSigner('sm2-sm3');
    expect(record!.keyId).toBe(signer.keyId);
    const sm2Signers = await ports.platformKeys.sm2Signers();
    expect([sm2Signers.root.keyId, sm2Signers.tsa.keyId, sm2Signers.sealMaker.keyId]).not.toContain(signer.keyId);
    const der = new Uint8Array(Buffer.from(record!.certificate, 'base64'));
    openssl.file(`${mode}-responder.pem`, toPem(der));
    expect(openssl.run(['verify', '-CAfile', `${mode}-root.pem`, '-vfyopt', `distid:${ID}`, '-purpose', 'ocsphelper', `${mode}-responder.pem`]).output).toContain('responder.pem: OK');
    expect((await ocspResponder(ports, 'sm2-sm3')).responderCertificate).toEqual(der);

    // Not due: the same certificate. 700 days on (two-year life, 90-day margin): a new one for the same key.
    expect(await renewPlatformCertificateIfDue(ports, 'sm2-ocsp-responder')).toEqual({ certificate: der, renewed: false });
    const realNow = ports.now;
    ports.now = () => new Date(realNow().getTime() + 700 * 24 * 3600_000);
    try {
      const { certificate: renewed, renewed: didRenew } = await renewPlatformCertificateIfDue(ports, 'sm2-ocsp-responder');
      expect(didRenew).toBe(true);
      expect(renewed).not.toEqual(der);
      const info = readSealCertificate(renewed);
      expect(info.notAfter.getTime()).toBeGreaterThan(readSealCertificate(der).notAfter.getTime());
      expect(info.subject).toContain('SM2 OCSP响应服务');
      openssl.file(`${mode}-responder-renewed.pem`, toPem(renewed));
      const attime = String(Math.floor(ports.now().getTime() / 1000));
      expect(openssl.run(['verify', '-CAfile', `${mode}-root.pem`, '-vfyopt', `distid:${ID}`, '-attime', attime, `${mode}-responder-renewed.pem`]).output).toContain('renewed.pem: OK');
      expect((await ocspResponder(ports, 'sm2-sm3')).responderCertificate).toEqual(renewed);
      expect((await ports.store.platformCertificates.get('sm2-ocsp-responder'))!.keyId).toBe(signer.keyId);
    } finally {
      ports.now = realNow;
    }
  });

  it('timestamps an SM2 signature with the SM2 TSA, whose signature openssl checks under the ID', async () => {
    const imprint = sha256(new TextEncoder().encode('SM2 签名值'));
    const token = await timestampImprint(ports, imprint, 'sm2-sm3');
    const info = readTimestampToken(token);
    expect(Buffer.from(info.messageImprint).equals(Buffer.from(imprint))).toBe(true);
    const pki = await gmPlatformPki(ports);
    openssl.file(`${mode}-token.der`, token);
    const tree = asn1Tree(openssl, `${mode}-token.der`);
    const signerInfo = at(at(tree, [1, 0]), [4, 0]);
    const attributes = Buffer.from(element(token, at(signerInfo, [3])));
    attributes[0] = 0x31;
    const tokenSignature = content(token, at(signerInfo, [5]));
    expect(opensslVerifiesWithCertificate(openssl, `${mode}-token-sig`, pki.tsa, attributes, tokenSignature, ID)).toBe(true);
    expect(readSealCertificate(pki.tsa).subject).toContain('SM2时间戳服务');
  });
});
