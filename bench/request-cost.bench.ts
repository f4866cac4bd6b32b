/**
 * What a signing request costs on the local stack (issue #20, decisions 0140 and 0141), all measured in
 * this one run:
 * - the signing PIN check, before (scrypt, N = 2^15) and after (a MAC checked by the KMS endpoint),
 *   each as a share of one signing request;
 * - a signing request with 1 credential on the seal and with 3,000 (the signer's own is read by holder),
 *   the two seals signed with in turn;
 * - the DynamoDB calls of one signing request and of one `GET /v1/me` (decision 0205).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getServices } from '../functions/src/composition';
import { pinMatches, sealPin } from '../functions/src/domain/credential/pin-hash';
import { startDocumentsStack, type DocumentsStack } from '../functions/test-support/documents-stack';
import { legacyScryptPinHash } from '../functions/test-support/pin-keys';
import { samplePdf } from '../functions/test-support/pdf/sample-pdf';
import { testTable } from '../functions/test-support/table';
import { countDynamoDbCalls } from '../functions/test-support/dynamodb-calls';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const SIGNINGS = 15;
const PIN_CHECKS = 30;
const OTHER_CREDENTIALS = 2_999;
const PIN = '258036';

/**
 * Medians of signing requests over HTTP (1-page PDF, PIN) with each seal, taken in turn (A, B, A, B...)
 * so a machine shared with other work slows both alike; uploads are made first and not timed.
 */
async function signingMs(t: DocumentsStack, token: string, sealIds: string[]): Promise<number[]> {
  const pdf = await samplePdf({ pages: 1 });
  const documents: string[] = [];
  for (let i = 0; i < (SIGNINGS + 1) * sealIds.length; i++) documents.push(await t.api.upload(token, `合同${i}.pdf`, pdf));
  const times = sealIds.map(() => [] as number[]);
  for (let round = 0; round <= SIGNINGS; round++) {
    for (const [i, sealId] of sealIds.entries()) {
      const started = performance.now();
      const res = await t.api.sign(token, documents.pop()!, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
      if (res.status !== 200) throw new Error(`signing answered ${res.status}`);
      if (round > 0) times[i]!.push(performance.now() - started); // round 0 warms up
    }
  }
  return times.map((list) => {
    list.sort((a, b) => a - b);
    return Math.round(list[Math.floor(list.length / 2)]! * 10) / 10;
  });
}

/** Other people's credentials on the seal, as a company with thousands of holders has. */
async function addCredentials(sealId: string, companyId: string, count: number): Promise<void> {
  const table = testTable(getServices().store);
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, i) =>
        table.put('credential', {
          sealId,
          credentialId: `cred-bench-${start + i}`,
          companyId,
          personId: `p-bench-${start + i}`,
          state: 'active',
          custody: 'kms-envelope',
          keyRef: 'wrapped',
          publicKey: 'spki',
          certificate: 'der',
          serial: `bench${start + i}`,
          notBefore: now,
          notAfter: new Date(Date.now() + 365 * 86400_000).toISOString(),
          pinHash: 'kms-hmac$v1$none',
          createdAt: now,
        }),
      ),
    );
  }
}

/** The DynamoDB operations one signing request and one `GET /v1/me` make, in order. */
async function callsPerRequest(t: DocumentsStack, token: string, sealId: string): Promise<{ sign: string[]; me: string[] }> {
  const documentId = await t.api.upload(token, '计数.pdf', await samplePdf({ pages: 1 }));
  const log = countDynamoDbCalls();
  try {
    log.start();
    const res = await t.api.sign(token, documentId, { sealId, pin: PIN, placements: [{ page: 1, x: 200, y: 200 }] });
    if (res.status !== 200) throw new Error(`signing answered ${res.status}`);
    const sign = log.calls.map((c) => c.operation);
    log.start();
    await t.api.expect(200, 'person', 'GET', '/v1/me', { token });
    return { sign, me: log.calls.map((c) => c.operation) };
  } finally {
    log.restore();
  }
}

export async function run(): Promise<void> {
  // The audit chainer reads the stream only when told (never here): its calls are not a request's.
  const t = await startDocumentsStack({ auditStreamIntervalMs: 3_600_000 });
  try {
    const companyId = t.companyOf('lr-xinchuang').creditCode;
    const token = await t.api.login(t.person('lr-xinchuang'));
    const { seals } = await t.api.expect(200, 'seals', 'GET', `/v1/companies/${companyId}/seals`, { token });
    // Two seals of the company, both claimed by its legal representative: one keeps its single credential, the other gets 2,999 more.
    const [alone, crowded] = (seals as { sealId: string }[]).slice(0, 2).map((s) => s.sealId) as [string, string];
    for (const sealId of [alone, crowded]) await t.api.claimSeal(token, companyId, sealId, PIN);
    await addCredentials(crowded, companyId, OTHER_CREDENTIALS);
    const [oneCredential, manyCredentials] = (await signingMs(t, token, [alone, crowded])) as [number, number];
    const calls = await callsPerRequest(t, token, alone);

    const { pinKeys } = getServices();
    const mac = await sealPin(pinKeys, 'cred-bench', PIN);
    const scrypt = legacyScryptPinHash(PIN);
    const macMs = await medianMs(PIN_CHECKS, () => pinMatches(pinKeys, 'cred-bench', PIN, mac));
    const scryptMs = await medianMs(PIN_CHECKS, () => pinMatches(pinKeys, 'cred-bench', PIN, scrypt));

    const pct = (ms: number) => Math.round((ms / oneCredential) * 1000) / 10;
    const ratio = Math.round((manyCredentials / oneCredential) * 100) / 100;
    const result = {
      signingRequestMs: { oneCredential, credentials3000: manyCredentials, ratio },
      dynamoDbCalls: calls,
      pinCheckMs: { scrypt: scryptMs, kmsMac: macMs },
      pinCheckShareOfSigningPct: { scrypt: pct(scryptMs), kmsMac: pct(macMs) },
    };
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, 'request-cost.json'), JSON.stringify(result, null, 2) + '\n');
    const mark = (ok: boolean) => (ok ? 'met' : '**not met**');
    const md = [
      '# Request cost (local stack, one run)',
      '',
      `Signing request (1-page PDF, PIN, over HTTP), medians of ${SIGNINGS} taken in turn: ${oneCredential} ms with 1 credential on the seal, ${manyCredentials} ms with 3,000 (${ratio}×; goal ≤ 1.1×: ${mark(ratio <= 1.1)}).`,
      '',
      `DynamoDB calls: a signing request ${calls.sign.length} (${calls.sign.join(', ')}; goal ≤ 5: ${mark(calls.sign.length <= 5)}), \`GET /v1/me\` ${calls.me.length} (${calls.me.join(', ')}; goal ≤ 3: ${mark(calls.me.length <= 3)}).`,
      '',
      '| PIN check | ms (median of 30) | share of a signing request |',
      '| --- | ---: | ---: |',
      `| before: scrypt N=2^15 r=8 p=1 | ${scryptMs} | ${pct(scryptMs)} % |`,
      `| after: KMS VerifyMac (local endpoint, loopback) | ${macMs} | ${pct(macMs)} % (goal < 10 %: ${mark(pct(macMs) < 10)}) |`,
      '',
    ].join('\n');
    writeFileSync(join(RESULTS, 'request-cost.md'), md);
    process.stdout.write(md);
  } finally {
    await t.stop();
  }
}
