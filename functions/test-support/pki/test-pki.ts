import { InMemoryDigestSigner } from '../../src/engines/pki/in-memory-digest-signer';
import { createRootCertificate } from '../../src/engines/pki/root-ca';
import { issueSealCertificate } from '../../src/engines/pki/seal-certificate';
import { issueTsaCertificate } from '../../src/engines/pki/tsa-certificate';

export interface TestPki {
  rootSigner: InMemoryDigestSigner;
  root: Uint8Array;
  tsaSigner: InMemoryDigestSigner;
  tsa: Uint8Array;
  /** A credential key and its seal certificate: 深圳市示例科技有限公司 合同专用章, held by 张三. */
  sealSigner: InMemoryDigestSigner;
  seal: Uint8Array;
}

/**
 * A complete in-memory PKI (root, TSA, one seal certificate) for tests of this module and of the
 * PDF engine. Keys are fresh on every call; certificates start a day before `now`; with `ocspUrl` the
 * seal certificate names that OCSP responder (Authority Information Access).
 */
export async function createTestPki(options: { now?: Date; publicBaseUrl?: string; ocspUrl?: string } = {}): Promise<TestPki> {
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - 24 * 3600 * 1000);
  const publicBaseUrl = options.publicBaseUrl ?? 'http://localhost:3000';
  const [rootSigner, tsaSigner, sealSigner] = await Promise.all([
    InMemoryDigestSigner.generate(),
    InMemoryDigestSigner.generate(),
    InMemoryDigestSigner.generate(),
  ]);
  const root = await createRootCertificate({ signer: rootSigner, notBefore });
  const tsa = await issueTsaCertificate({
    signer: rootSigner,
    caCertificate: root,
    tsaPublicKey: await tsaSigner.publicKeySpki(),
    notBefore,
    publicBaseUrl,
  });
  const seal = await issueSealCertificate({
    signer: rootSigner,
    caCertificate: root,
    subjectPublicKey: await sealSigner.publicKeySpki(),
    company: { name: '深圳市示例科技有限公司', creditCode: '91440300MA5F000001' },
    seal: { name: '合同专用章', kindLabel: '合同专用章', id: 'seal-0001' },
    holder: { name: '张三' },
    notBefore,
    publicBaseUrl,
    ...(options.ocspUrl ? { ocspUrl: options.ocspUrl } : {}),
  });
  return { rootSigner, root, tsaSigner, tsa, sealSigner, seal };
}
