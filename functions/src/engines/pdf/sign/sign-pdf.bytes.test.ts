import { createHash } from 'node:crypto';
import { signPdf } from './sign-pdf';
import { verifyPdf } from '../verify';
import { FIXED_TIME, fixedSigning, type FixedSigning } from '../../../../test-support/pdf/fixed-signing';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let fixed: FixedSigning;
beforeAll(async () => {
  fixed = await fixedSigning();
});

const sign = (pdf: Uint8Array, overrides: { placements?: { page: number; x: number; y: number }[]; crossPage?: boolean } = {}) =>
  signPdf({
    pdf,
    signer: fixed.sealSigner,
    certificateChain: fixed.chain,
    timestamp: fixed.timestamp,
    placements: [{ page: 1, x: 380, y: 80 }],
    appearance: fixed.appearance,
    signingTime: FIXED_TIME,
    reason: '深圳市示例科技有限公司 合同专用章',
    location: '深圳',
    signerName: '张三',
    ...overrides,
  });

describe('signed bytes for fixed inputs', () => {
  it('stay the same byte for byte (one seal, then a 骑缝章 on top)', async () => {
    const once = await sign(fixed.pdf);
    const twice = await sign(once, { placements: [{ page: 2, x: 100, y: 100 }], crossPage: true });
    expect((await verifyPdf(twice, { trustedRoots: [fixed.root], now: FIXED_TIME })).verdict).toBe('valid');
    expect([sha256(once), sha256(twice)]).toEqual([
      // Recorded from the one-call signer before signing was split in two phases (decision 0046).
      'f4080c685c0b3e56447bac47a9d6b5ec225490ac4d2c5ce1d937fd4f37264ffc',
      'baf3fcf38d5f51539df82b4b01585b29f1749a10e14b96910c6c901d63de2084',
    ]);
  });
});
