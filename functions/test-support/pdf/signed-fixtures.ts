import { drawSeal } from '../../src/engines/appearance';
import { signPdf, type SignPdfInput } from '../../src/engines/pdf/sign';
import { createTestPki, secondSeal, testTimestamp, type TestPki } from './pki-fixture';
import { samplePdf } from './sample-pdf';

export interface SigningWorld {
  pki: TestPki;
  now: Date;
  /** Signs with the test PKI's 合同专用章 (or the second company's seal). */
  sign(pdf: Uint8Array, overrides?: Partial<SignPdfInput> & { as?: 'second' }): Promise<Uint8Array>;
  trustedRoots: Uint8Array[];
}

/** A PKI, two seals of two companies and a signing helper, for tests and benchmarks. */
export async function signingWorld(now = new Date('2026-06-01T08:00:00Z')): Promise<SigningWorld> {
  const pki = await createTestPki({ now });
  const second = await secondSeal(pki, new Date(now.getTime() - 86400000));
  const contract = drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' });
  const company = drawSeal({ shape: 'round', star: true, companyName: '深圳市前海另一家贸易有限公司' });
  return {
    pki,
    now,
    trustedRoots: [pki.root],
    sign: (pdf, o = {}) => {
      const isSecond = o.as === 'second';
      return signPdf({
        pdf,
        signer: isSecond ? second.signer : pki.sealSigner,
        certificateChain: isSecond ? [second.certificate, pki.root] : [pki.seal, pki.root],
        timestamp: testTimestamp(pki, now),
        placements: [{ page: 1, x: isSecond ? 80 : 380, y: 80 }],
        appearance: isSecond ? company : contract,
        signingTime: now,
        reason: '合同签署',
        location: '深圳',
        ...o,
      });
    },
  };
}

export { samplePdf };
