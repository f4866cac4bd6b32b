import { createTestPki, type TestPki } from '../pki/test-pki';
import { createTimestampToken } from '../../src/engines/pki/timestamp-token';
import { issueSealCertificate } from '../../src/engines/pki/seal-certificate';
import { InMemoryDigestSigner } from '../../src/engines/pki/in-memory-digest-signer';
import { issueOcspResponderCertificate } from '../../src/engines/pki/ocsp-responder-certificate';
import type { OcspCertStatus, OcspResponder } from '../../src/engines/pki/ocsp';

export type { TestPki };
export { createTestPki, InMemoryDigestSigner };

/** A TSA callback for signPdf that stamps `genTime` with the test PKI's TSA. */
export function testTimestamp(pki: TestPki, genTime: Date): (imprint: Uint8Array) => Promise<Uint8Array> {
  return (messageImprint) => createTimestampToken({ signer: pki.tsaSigner, tsaCertificate: pki.tsa, chain: [pki.root], messageImprint, genTime });
}

/** A second seal of another company, issued by the same root. */
export async function secondSeal(pki: TestPki, notBefore: Date): Promise<{ signer: InMemoryDigestSigner; certificate: Uint8Array }> {
  const signer = await InMemoryDigestSigner.generate();
  const certificate = await issueSealCertificate({
    signer: pki.rootSigner,
    caCertificate: pki.root,
    subjectPublicKey: await signer.publicKeySpki(),
    company: { name: '深圳市前海另一家贸易有限公司', creditCode: '91440300MA5F000028' },
    seal: { name: '法定名称章', kindLabel: '法定名称章', id: 'seal-0002' },
    holder: { name: '李四' },
    notBefore,
    publicBaseUrl: 'http://localhost:3000',
  });
  return { signer, certificate };
}

/** An OCSP responder certified by the test PKI's root (id-kp-OCSPSigning), answering `statusOf` at `now`. */
export async function testOcspResponder(pki: TestPki, now: Date, statusOf: (serial: string) => OcspCertStatus = () => ({ status: 'good' })): Promise<OcspResponder> {
  const signer = await InMemoryDigestSigner.generate();
  const responderCertificate = await issueOcspResponderCertificate({
    signer: pki.rootSigner,
    caCertificate: pki.root,
    responderPublicKey: await signer.publicKeySpki(),
    notBefore: new Date(now.getTime() - 24 * 3600 * 1000),
  });
  return { signer, responderCertificate, issuerCertificate: pki.root, statusOf: async (serial) => statusOf(serial), now: () => now };
}
