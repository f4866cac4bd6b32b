import { PdfInputError } from '../errors';
import { PdfDocument } from '../syntax/document';
import { signingWorld, samplePdf } from '../../../../test-support/pdf/signed-fixtures';
import { verifyPdf } from '../verify';

/** mulberry32: a seeded generator, so a failure replays exactly. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FLIPS = 1500;
const STRUCTURAL = 500;

describe('verifyPdf under random mutation', () => {
  it('never crashes and never calls a signature valid when a byte it signed was changed', async () => {
    const world = await signingWorld();
    const original = await world.sign(await world.sign(await samplePdf({ xref: 'stream' })), { as: 'second' });
    const doc = PdfDocument.open(original);
    const text = Buffer.from(original).toString('latin1');
    // The gap of each signature (its own /Contents) is the only unsigned part of its revision.
    const gaps = [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) \d+\s*\]/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
    const revisionEnds = doc.revisions.map((r) => r.end);
    const rnd = random(20260601);
    const options = { trustedRoots: world.trustedRoots, now: world.now };
    let validAfterMutation = 0;

    for (let i = 0; i < FLIPS; i++) {
      const bytes = Buffer.from(original);
      const at = Math.floor(rnd() * bytes.length);
      bytes[at] = (bytes[at]! + 1 + Math.floor(rnd() * 255)) & 0xff;
      const report = await verifyPdf(bytes, options).catch((e: unknown) => {
        if (!(e instanceof PdfInputError)) throw e;
        return null;
      });
      for (const s of report?.signatures ?? []) {
        if (s.verdict !== 'valid' || s.revision === null) continue;
        const signedUpTo = revisionEnds[s.revision - 1]!;
        // Revision 1 is the unsigned original; revision k is signed by the (k-1)th signature.
        const [gapStart, gapEnd] = gaps[s.revision - 2]!;
        const inOwnGap = at >= gapStart && at < gapEnd;
        if (at < signedUpTo && !inOwnGap) throw new Error(`signature ${s.fieldName} called valid after byte ${at} changed`);
        validAfterMutation++;
      }
    }
    for (let i = 0; i < STRUCTURAL; i++) {
      const at = Math.floor(rnd() * original.length);
      const len = 1 + Math.floor(rnd() * 64);
      const kind = Math.floor(rnd() * 3);
      const chunk = Buffer.from(original.subarray(at, at + len));
      const mutated =
        kind === 0
          ? Buffer.concat([original.subarray(0, at), original.subarray(at + len)])
          : kind === 1
            ? Buffer.concat([original.subarray(0, at), chunk, original.subarray(at)])
            : original.subarray(0, at);
      await verifyPdf(mutated, options).catch((e: unknown) => {
        if (!(e instanceof PdfInputError)) throw e;
      });
    }
    // Flips in padding or later revisions leave earlier signatures valid: the run must see some.
    expect(validAfterMutation).toBeGreaterThan(0);
  });
});
