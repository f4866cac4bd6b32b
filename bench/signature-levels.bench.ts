/**
 * What each PAdES level adds to a signature, in bytes and in time, measured in one run so the
 * ratios compare like with like: B-B (the CMS signature alone), B-T (+ the RFC 3161 signature
 * timestamp), B-LT (+ an incremental update with the DSS: chain, CRL, one OCSP answer made for this
 * signature) and B-LTA (+ a document timestamp over all of it). The engine with in-memory keys, so
 * the times are the platform's own work; a deployment adds a KMS call per signature or timestamp
 * and one for the OCSP answer. Verification time per level too.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocumentTimestamp, addValidationData, completePdfSignature, preparePdfSignature } from '../functions/src/engines/pdf/sign';
import { verifyPdf } from '../functions/src/engines/pdf/verify';
import { createCrl } from '../functions/src/engines/pki/crl';
import { createOcspResponse } from '../functions/src/engines/pki/ocsp';
import { testOcspResponder, testTimestamp } from '../functions/test-support/pdf/pki-fixture';
import { signingWorld, samplePdf } from '../functions/test-support/pdf/signed-fixtures';
import { drawSeal } from '../functions/src/engines/appearance';
import { medianMs } from './timing';

const RESULTS = join(__dirname, 'results');
const RUNS = 15;
const LEVELS = ['B-B', 'B-T', 'B-LT', 'B-LTA'] as const;

export async function run(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const now = new Date();
  const world = await signingWorld(now);
  const { pki } = world;
  const responder = await testOcspResponder(pki, now);
  // The platform keeps its CRL for a week (domain/platform-pki/crl.ts): one CRL for every signature.
  const crl = await createCrl({
    signer: pki.rootSigner,
    issuerCertificate: pki.root,
    entries: [],
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 7 * 86400_000),
    crlNumber: 1,
  });
  const pdf = await samplePdf({ pages: 3 });
  const appearance = drawSeal({ shape: 'round', companyName: '深圳市示例科技有限公司', label: '合同专用章' });

  const sign: Record<(typeof LEVELS)[number], () => Promise<Uint8Array>> = {
    'B-B': async () => {
      const prepared = preparePdfSignature({
        pdf,
        algorithm: pki.sealSigner.algorithm,
        certificateChain: [pki.seal, pki.root],
        placements: [{ page: 1, x: 380, y: 80 }],
        appearance,
        signingTime: now,
      });
      return completePdfSignature(prepared, await pki.sealSigner.signDigest(prepared.digestToSign));
    },
    'B-T': () => world.sign(pdf),
    'B-LT': async () => {
      const bt = await world.sign(pdf);
      const ocsp = await createOcspResponse(responder, [pki.seal, pki.tsa]);
      return addValidationData(bt, {
        certificates: [pki.seal, pki.root, pki.tsa, responder.responderCertificate],
        crls: [crl],
        ocsps: [ocsp],
      });
    },
    'B-LTA': async () => addDocumentTimestamp(await sign['B-LT'](), testTimestamp(pki, now)),
  };

  const rows = [];
  for (const level of LEVELS) {
    const bytes = await sign[level]();
    const report = await verifyPdf(bytes, { trustedRoots: world.trustedRoots, now });
    if (report.verdict !== 'valid' && !(level === 'B-B' && report.subIndication === 'NO_POE'))
      throw new Error(`${level}: ${report.verdict} (${report.subIndication})`);
    const signMs = await medianMs(RUNS, sign[level]);
    const verifyMs = await medianMs(RUNS, () => verifyPdf(bytes, { trustedRoots: world.trustedRoots, now }));
    rows.push({ level, bytesAdded: bytes.length - pdf.length, signMs, verifyMs });
  }
  const base = rows[0]!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const withRatios = rows.map((r, i) => ({
    ...r,
    overPrevious: i === 0 ? 0 : r.bytesAdded - rows[i - 1]!.bytesAdded,
    bytesRatio: ratio(r.bytesAdded, base.bytesAdded),
    signRatio: ratio(r.signMs, base.signMs),
    verifyRatio: ratio(r.verifyMs, base.verifyMs),
  }));
  for (const r of withRatios) console.log(r);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    document: `${pdf.length} bytes, 3 pages`,
  };
  writeFileSync(join(RESULTS, 'signature-levels.json'), JSON.stringify({ ...meta, rows: withRatios }, null, 2) + '\n');
  const md = [
    '# What each signature level adds',
    '',
    `One run, ${meta.date}, Node ${meta.node}, ${meta.cpus} cores (shared); a ${meta.document} PDF, one seal; medians of ${RUNS} warm runs in milliseconds; in-memory keys (a deployment adds its KMS calls).`,
    'B-B is verified as INDETERMINATE / NO_POE (the platform policy requires a timestamp); the others are valid.',
    '',
    '| level | bytes added to the file | over the level before | ×B-B | sign ms | ×B-B | verify ms | ×B-B |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...withRatios.map(
      (r) =>
        `| ${r.level} | ${r.bytesAdded} | ${r.overPrevious} | ${r.bytesRatio}× | ${r.signMs} | ${r.signRatio}× | ${r.verifyMs} | ${r.verifyRatio}× |`,
    ),
    '',
    `B-T adds ${withRatios[1]!.overPrevious} bytes over B-B: the signature reserves its /Contents for the timestamp either way. B-LT adds an incremental`,
    'update with the DSS (four certificates, the CRL, one OCSP answer, the VRI); B-LTA a document timestamp in one more update, most of',
    'it the /Contents reserved for the token. Verifying B-LT also reads the DSS (the CRL and the OCSP answer, their signatures, the',
    "responder's chain) and analyses one more revision.",
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'signature-levels.md'), md);
  console.log(md);
}
