/**
 * What each PAdES level adds to a signature, in bytes and in time, measured in one run so the
 * ratios compare like with like: B-B (the CMS signature alone), B-T (+ the RFC 3161 signature
 * timestamp), B-LT (+ an incremental update with the DSS: chain, CRL, one OCSP answer made for this
 * signature) and B-LTA (+ a document timestamp over all of it). The engine with in-memory keys, so
 * the times are the platform's own work; a deployment adds a KMS call per signature or timestamp
 * and one for the OCSP answer. Verification time per level too.
 *
 * The same for an OFD seal signature (GB/T 38540, SM2; decision 0195), whose levels are what the
 * standard allows: the signature alone, + its timestamp (an SM3 imprint from an SM2 TSA), + the
 * validation data kept beside it (chain and CRL; the SM2 hierarchy has no OCSP responder). There is
 * no document timestamp, so no B-LTA (decision 0235).
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
import { addValidationData as addOfdValidationData, signOfd } from '../functions/src/engines/ofd';
import { makeSeal } from '../functions/src/engines/ses';
import { sm3, InMemorySm2Signer } from '../functions/src/engines/gm';
import { createTimestampToken, SM3_IMPRINT_ALGORITHM } from '../functions/src/engines/pki/timestamp-token';
import { issueTsaCertificate } from '../functions/src/engines/pki/tsa-certificate';
import { ofdVerifier } from '../functions/src/adapters/ofd-format/verify';
import { ofdFixture } from '../functions/test-support/gm/fixtures';
import { GmOpenssl } from '../functions/test-support/gm/openssl';
import { sm2TestPki } from '../functions/test-support/gm/sm2-test-pki';
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
  const withRatios = ratios(rows);
  const ofdRows = ratios(await ofdLevels());
  for (const r of [...withRatios, ...ofdRows]) console.log(r);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    document: `${pdf.length} bytes, 3 pages`,
  };
  writeFileSync(join(RESULTS, 'signature-levels.json'), JSON.stringify({ ...meta, rows: withRatios, ofdRows }, null, 2) + '\n');
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
    '## OFD (GB/T 38540, SM2)',
    '',
    `The same run; ofdrw's one-page sample OFD (${OFD_BYTES()} bytes), one SM2 seal; ratios against the signature alone. No B-LTA: GB/T 38540 has no document timestamp.`,
    '',
    '| level | bytes added to the file | over the level before | ×signature | sign ms | ×signature | verify ms | ×signature |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...ofdRows.map(
      (r) =>
        `| ${r.level} | ${r.bytesAdded} | ${r.overPrevious} | ${r.bytesRatio}× | ${r.signMs} | ${r.signRatio}× | ${r.verifyMs} | ${r.verifyRatio}× |`,
    ),
    '',
    'The timestamp adds the token (TSA and root certificates inside) to SignedValue.dat and one SM2 signature; the validation data a',
    'certs-only CMS file (chain, TSA certificate, CRL) beside the signature, read and checked (the CRL) when verifying. Sizes are of the',
    'zipped package, so they move with compression.',
    '',
  ].join('\n');
  writeFileSync(join(RESULTS, 'signature-levels.md'), md);
  console.log(md);
}

interface LevelRow {
  level: string;
  bytesAdded: number;
  signMs: number;
  verifyMs: number;
}

function ratios(rows: LevelRow[]) {
  const base = rows[0]!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return rows.map((r, i) => ({
    ...r,
    overPrevious: i === 0 ? 0 : r.bytesAdded - rows[i - 1]!.bytesAdded,
    bytesRatio: ratio(r.bytesAdded, base.bytesAdded),
    signRatio: ratio(r.signMs, base.signMs),
    verifyRatio: ratio(r.verifyMs, base.verifyMs),
  }));
}

const OFD_BYTES = () => ofdFixture('helloworld.ofd').length;

/** An OFD seal signature at each level GB/T 38540 allows, with an SM2 test PKI (root and seal maker by OpenSSL, the TSA in process). */
async function ofdLevels(): Promise<LevelRow[]> {
  const openssl = new GmOpenssl();
  try {
    const { root, maker, holders } = sm2TestPki(openssl, ['Company A']);
    // After OpenSSL made the certificates (valid from the moment they were made).
    const now = new Date();
    const holder = holders[0]!;
    const tsaSigner = InMemorySm2Signer.generate();
    const tsa = await issueTsaCertificate({ signer: root.signer, caCertificate: root.certificate, tsaPublicKey: await tsaSigner.publicKeySpki(), notBefore: new Date(now.getTime() - 3600_000) });
    const crl = await createCrl({ signer: root.signer, issuerCertificate: root.certificate, entries: [], thisUpdate: now, nextUpdate: new Date(now.getTime() + 7 * 86400_000), crlNumber: 1 });
    const seal = await makeSeal(
      {
        vid: 'seal-platform',
        esId: 'BENCH-LEVELS',
        type: 1,
        name: '合同专用章',
        signerCertificates: [holder.certificate],
        createDate: now,
        validStart: new Date(now.getTime() - 86_400_000),
        validEnd: new Date(now.getTime() + 365 * 86_400_000),
        picture: { type: 'SVG', data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 42 42"><circle cx="21" cy="21" r="20" fill="none" stroke="red"/></svg>'), widthMm: 42, heightMm: 42 },
      },
      maker,
    );
    const ofd = ofdFixture('helloworld.ofd');
    const input = { ofd, seal, signerCertificate: holder.certificate, signingTime: now, stamps: [{ page: 1, x: 120, y: 200, width: 42, height: 42 }] };
    const timestamp = (value: Uint8Array) =>
      createTimestampToken({ signer: tsaSigner, tsaCertificate: tsa, chain: [root.certificate], messageImprint: sm3(value), hashAlgorithm: SM3_IMPRINT_ALGORITHM, genTime: now });
    const sign: Record<string, () => Promise<Uint8Array>> = {
      signature: () => signOfd(input, holder.signer),
      '+ timestamp': () => signOfd(input, holder.signer, timestamp),
      '+ validation data': async () => addOfdValidationData(await signOfd(input, holder.signer, timestamp), { certificates: [holder.certificate, root.certificate, tsa], crls: [crl], ocsps: [] }),
    };
    const verify = (bytes: Uint8Array) => ofdVerifier.verify(bytes, { trustedRoots: [root.certificate], now });
    const rows: LevelRow[] = [];
    for (const [level, make] of Object.entries(sign)) {
      const bytes = await make();
      const report = await verify(bytes);
      if (report.verdict !== 'valid') throw new Error(`OFD ${level}: ${report.verdict} ${JSON.stringify(report.signatures.map((s) => s.findings))}`);
      rows.push({ level, bytesAdded: bytes.length - ofd.length, signMs: await medianMs(RUNS, make), verifyMs: await medianMs(RUNS, () => verify(bytes)) });
    }
    return rows;
  } finally {
    openssl.dispose();
  }
}
