import { createHash, Hash } from 'node:crypto';
import fc from 'fast-check';
import { signingWorld, samplePdf } from '../../../../test-support/pdf/signed-fixtures';
import { RangeDigests, type Ranges } from './range-digests';
import { verifyPdf } from './verify-pdf';

const direct = (algorithm: string, bytes: Uint8Array, ranges: Ranges): Uint8Array => {
  const h = createHash(algorithm);
  for (const [s, l] of ranges) h.update(bytes.subarray(s, s + l));
  return new Uint8Array(h.digest());
};

/** Bytes given to every node:crypto hash (forks included) while `fn` runs. */
async function bytesHashed(fn: () => unknown): Promise<number> {
  let total = 0;
  const update = Hash.prototype.update;
  const spy = jest.spyOn(Hash.prototype, 'update').mockImplementation(function (this: Hash, data: unknown, ...rest: unknown[]) {
    total += typeof data === 'string' ? data.length : (data as Uint8Array).byteLength;
    return (update as (...a: unknown[]) => Hash).call(this, data, ...rest);
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  return total;
}

/** The ranges of `count` successive signatures on a file: each excludes its /Contents and ends its revision. */
function successive(size: number, count: number): [number, number][][] {
  const sets: [number, number][][] = [];
  for (let i = 1; i <= count; i++) {
    const end = Math.floor((size * i) / count);
    const hole = end - 200;
    sets.push([
      [0, hole],
      [hole + 100, end - hole - 100],
    ]);
  }
  return sets;
}

describe('RangeDigests', () => {
  const ALGORITHMS = ['sha256', 'sha384', 'sha512', 'sm3', 'sha1'];

  it('gives exactly the direct digest of any set of ranges, registered or not, whatever their shape', () => {
    const case_ = fc.uint8Array({ maxLength: 3000 }).chain((bytes) => {
      const n = bytes.length;
      const range = fc.tuple(fc.integer({ min: -5, max: n + 20 }), fc.integer({ min: -5, max: n + 20 }));
      // Mostly the honest shape ([0, a] then what follows a hole), sometimes anything at all.
      const honest = fc
        .tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: n }))
        .map(([a, gap, c]): [number, number][] => [
          [0, a],
          [a + gap, c],
        ]);
      const odd = fc.array(range, { maxLength: 4 });
      const sets = fc.array(
        fc.oneof(
          honest,
          odd,
          fc.array(range, { maxLength: 4 }).map((r): [number, number][] => [[0, r.length * 7], ...r]),
        ),
        { maxLength: 8 },
      );
      return fc.record({ bytes: fc.constant(bytes), registered: sets, asked: sets, algorithm: fc.constantFrom(...ALGORITHMS) });
    });
    fc.assert(
      fc.property(case_, ({ bytes, registered, asked, algorithm }) => {
        const digests = new RangeDigests(bytes, registered);
        for (const ranges of [...registered, ...asked]) {
          expect(Buffer.from(digests.digest(algorithm, ranges)).toString('hex')).toBe(
            Buffer.from(direct(algorithm, bytes, ranges)).toString('hex'),
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads the file once per algorithm for twenty successive signatures, where hashing each reads it twenty times over', async () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 31) & 0xff);
    const sets = successive(bytes.length, 20);
    const digests = new RangeDigests(bytes, sets);
    const onePass = await bytesHashed(() => {
      for (const ranges of sets) for (const algorithm of ['sha256', 'sm3']) digests.digest(algorithm, ranges);
    });
    const each = await bytesHashed(() => {
      for (const ranges of sets) direct('sha256', bytes, ranges);
    });
    expect(onePass).toBeLessThanOrEqual(2 * (bytes.length + 20 * 100));
    expect(each).toBeGreaterThan(10 * bytes.length);
    for (const ranges of sets) expect(digests.digest('sm3', ranges)).toEqual(direct('sm3', bytes, ranges));
  });

  it('lets the verifier read a file signed three times about once, and every signature still verifies', async () => {
    const world = await signingWorld();
    let pdf = await samplePdf({ pages: 2, padding: 1024 * 1024 });
    for (const as of [undefined, 'second', undefined] as const)
      pdf = await world.sign(pdf, { as, placements: [{ page: 1, x: as ? 80 : 380, y: 80 }] });
    let report: Awaited<ReturnType<typeof verifyPdf>> | undefined;
    const hashed = await bytesHashed(async () => {
      report = await verifyPdf(pdf, { trustedRoots: world.trustedRoots, now: world.now });
    });
    expect(report!.signatures.map((s) => s.verdict)).toEqual(['valid', 'valid', 'valid']);
    // Each signature alone hashes nearly the whole file; together they cost barely more than one read.
    expect(hashed).toBeLessThan(1.5 * pdf.length);
  });
});
