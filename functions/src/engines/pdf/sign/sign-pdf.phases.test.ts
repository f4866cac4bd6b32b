import { createHash } from 'node:crypto';
import { completePdfSignature, preparePdfSignature, signPdf } from './sign-pdf';
import { InMemoryDigestSigner } from '../../pki/in-memory-digest-signer';
import { signatureAlgorithm } from '../../pki/algorithms';
import { verifyPdf } from '../verify';
import { FIXED_TIME, fixedSigning, type FixedSigning } from '../../../../test-support/pdf/fixed-signing';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let fixed: FixedSigning;
beforeAll(async () => {
  fixed = await fixedSigning();
});

type Overrides = { placements?: { page: number; x: number; y: number }[]; crossPage?: boolean };

const request = (pdf: Uint8Array, overrides: Overrides = {}) => ({
  pdf,
  certificateChain: fixed.chain,
  placements: [{ page: 1, x: 380, y: 80 }],
  appearance: fixed.appearance,
  signingTime: FIXED_TIME,
  reason: '深圳市示例科技有限公司 合同专用章',
  location: '深圳',
  signerName: '张三',
  ...overrides,
});

const sign = (pdf: Uint8Array, overrides: Overrides = {}) =>
  signPdf({ ...request(pdf, overrides), signer: fixed.sealSigner, timestamp: fixed.timestamp });

/** The two phases with the key "elsewhere": only the digest goes to it, only the signature value comes back. */
async function signInTwoPhases(pdf: Uint8Array, overrides: Overrides = {}): Promise<Uint8Array> {
  const prepared = preparePdfSignature({ ...request(pdf, overrides), algorithm: fixed.sealSigner.algorithm });
  const signatureValue = await fixed.sealSigner.signDigest(prepared.digestToSign);
  return completePdfSignature(prepared, signatureValue, fixed.timestamp);
}

const GOLDEN = [
  // Recorded from the one-call signer before signing was split in two phases (decision 0046), then
  // again when the trailer's /Size became one more than the highest object in use (decision 0105):
  // the only change in the files is /Size 11 → 10 (and the second update's numbers, one lower).
  'fc5a97010ddae4e951622c3d88c946bf749be041a21fd6709863dcdcf8240516',
  'd42d57643c46603b3b1f7265528628dd8380fd937d0827776054f1fd588b8958',
];

describe('signed bytes for fixed inputs', () => {
  it('stay the same byte for byte (one seal, then a 骑缝章 on top)', async () => {
    const once = await sign(fixed.pdf);
    const twice = await sign(once, { placements: [{ page: 2, x: 100, y: 100 }], crossPage: true });
    expect((await verifyPdf(twice, { trustedRoots: [fixed.root], now: FIXED_TIME })).verdict).toBe('valid');
    expect([sha256(once), sha256(twice)]).toEqual(GOLDEN);
  });

  it('are the same when the key signs between prepare and complete', async () => {
    const once = await signInTwoPhases(fixed.pdf);
    const twice = await signInTwoPhases(once, { placements: [{ page: 2, x: 100, y: 100 }], crossPage: true });
    expect([sha256(once), sha256(twice)]).toEqual(GOLDEN);
  });
});

describe('signing in two phases', () => {
  it("prepares the update with the signature space reserved, and asks the key for the algorithm's digest of the signed attributes", () => {
    const prepared = preparePdfSignature({ ...request(fixed.pdf), algorithm: fixed.sealSigner.algorithm });
    expect(Buffer.from(prepared.pdf.subarray(0, fixed.pdf.length)).equals(Buffer.from(fixed.pdf))).toBe(true);
    const reserved = Buffer.from(prepared.pdf.subarray(prepared.contents.start + 1, prepared.contents.end - 1)).toString('latin1');
    expect(reserved).toMatch(/^0+$/);
    const algorithm = signatureAlgorithm(fixed.sealSigner.algorithm);
    expect(prepared.digestToSign).toEqual(algorithm.hash.digest(prepared.cms.signedBytes));
    // The message-digest attribute covers everything but the reserved /Contents.
    const rangesDigest = algorithm.hash.digest(
      prepared.pdf.subarray(0, prepared.contents.start),
      prepared.pdf.subarray(prepared.contents.end),
    );
    expect(Buffer.from(prepared.cms.signedBytes).includes(Buffer.from(rangesDigest))).toBe(true);
  });

  it("refuses to complete with a value that is not the certified key's signature over the prepared attributes", async () => {
    const prepared = preparePdfSignature({ ...request(fixed.pdf), algorithm: fixed.sealSigner.algorithm });
    const stranger = await InMemoryDigestSigner.generate();
    await expect(completePdfSignature(prepared, await stranger.signDigest(prepared.digestToSign), fixed.timestamp)).rejects.toMatchObject({
      code: 'PDF_SIGNATURE_VALUE_INVALID',
    });
    const otherDigest = signatureAlgorithm(fixed.sealSigner.algorithm).hash.digest(new TextEncoder().encode('另一份文件'));
    await expect(completePdfSignature(prepared, await fixed.sealSigner.signDigest(otherDigest), fixed.timestamp)).rejects.toMatchObject({
      code: 'PDF_SIGNATURE_VALUE_INVALID',
    });
  });
});
