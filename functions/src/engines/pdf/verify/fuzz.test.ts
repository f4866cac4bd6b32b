import { PdfInputError } from '../errors';
import { signingWorld, samplePdf, type SigningWorld } from '../../../../test-support/pdf/signed-fixtures';
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

/** CI runs 2,000 mutations; `FUZZ_MUTATIONS=10000 npx jest fuzz` runs the long one (README). */
const MUTATIONS = Number(process.env.FUZZ_MUTATIONS ?? 2000);
const SEED = Number(process.env.FUZZ_SEED ?? 20260601);

interface Signed {
  fieldName: string;
  /** [start, end) spans the signature covers, in the original file. */
  spans: [number, number][];
}

/** Each signature's covered spans, read from the bytes (no code of ours). */
function signedSpans(pdf: Uint8Array): Signed[] {
  const text = Buffer.from(pdf).toString('latin1');
  return [...text.matchAll(/\/ByteRange \[0 (\d+) (\d+) (\d+)\s*\]/g)].map((m, i) => {
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { fieldName: `Seal${i + 1}`, spans: [[0, a], [b, b + c]] };
  });
}

type Mutation = { bytes: Uint8Array; touches: (s: Signed) => boolean; label: string };

function mutate(original: Uint8Array, rnd: () => number): Mutation {
  const at = Math.floor(rnd() * original.length);
  const kind = rnd();
  const inside = (s: Signed, from: number, to: number) => s.spans.some(([x, y]) => from < y && to > x);
  const covers = (s: Signed, pos: number) => s.spans.some(([x, y]) => pos >= x && pos < y);
  if (kind < 0.6) {
    const bytes = Buffer.from(original);
    bytes[at] = (bytes[at]! + 1 + Math.floor(rnd() * 255)) & 0xff;
    return { bytes, touches: (s) => covers(s, at), label: `flip ${at}` };
  }
  const len = 1 + Math.floor(rnd() * 64);
  if (kind < 0.75) {
    const bytes = Buffer.concat([original.subarray(0, at), original.subarray(at + len)]);
    // Deleting shifts every later byte: any span ending after `at` is no longer what was signed.
    return { bytes, touches: (s) => s.spans.some(([, y]) => y > at), label: `delete ${len} at ${at}` };
  }
  if (kind < 0.9) {
    const chunk = Buffer.from(original.subarray(Math.floor(rnd() * original.length)).subarray(0, len));
    const bytes = Buffer.concat([original.subarray(0, at), chunk, original.subarray(at)]);
    return { bytes, touches: (s) => s.spans.some(([, y]) => y > at) && chunk.length > 0, label: `insert ${chunk.length} at ${at}` };
  }
  const bytes = original.subarray(0, at);
  return { bytes, touches: (s) => inside(s, at, original.length), label: `truncate at ${at}` };
}

describe('verifyPdf under random mutation', () => {
  let world: SigningWorld;
  beforeAll(async () => {
    world = await signingWorld();
  });

  it.each(['stream', 'table'] as const)(
    `never crashes and never calls a signature valid when a byte it signed changed (${MUTATIONS} mutations over two documents, xref %s half)`,
    async (xref) => {
      const original = await world.sign(await world.sign(await samplePdf({ xref, pages: 2 })), { as: 'second' });
      const signatures = signedSpans(original);
      const rnd = random(SEED + (xref === 'table' ? 1 : 0));
      const options = { trustedRoots: world.trustedRoots, now: world.now };
      let stillValid = 0;
      for (let i = 0; i < MUTATIONS / 2; i++) {
        const m = mutate(original, rnd);
        const report = await verifyPdf(m.bytes, options).catch((e: unknown) => {
          if (!(e instanceof PdfInputError)) throw new Error(`${m.label}: ${String(e)}`);
          return null;
        });
        for (const s of report?.signatures ?? []) {
          if (s.verdict !== 'valid') continue;
          const signed = signatures.find((x) => x.fieldName === s.fieldName);
          if (!signed || m.touches(signed)) throw new Error(`signature ${s.fieldName} called valid after "${m.label}"`);
          stillValid++;
        }
      }
      // Changes in the padding of /Contents or in a later revision leave a signature valid: the run must see some.
      expect(stillValid).toBeGreaterThan(0);
    },
    600_000,
  );
});
